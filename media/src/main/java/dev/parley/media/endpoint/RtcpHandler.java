package dev.parley.media.endpoint;

import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.Subscription;
import dev.parley.protocol.rtcp.FullIntraRequest;
import dev.parley.protocol.rtcp.Nack;
import dev.parley.protocol.rtcp.NtpTime;
import dev.parley.protocol.rtcp.PictureLossIndication;
import dev.parley.protocol.rtcp.ReceiverReport;
import dev.parley.protocol.rtcp.Remb;
import dev.parley.protocol.rtcp.ReportBlock;
import dev.parley.protocol.rtcp.RtcpPacket;
import dev.parley.protocol.rtcp.SenderReport;
import dev.parley.protocol.rtcp.SourceDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The RTCP side of an endpoint: feedback from the peer goes to the right track or leg, and
 * once a second the endpoint reports: a receiver report (and REMB) for what the peer
 * publishes, sender reports for what it receives from us.
 */
final class RtcpHandler {

    /** What we tell publishers they may send (REMB); no bandwidth estimation yet, so a fixed, generous cap. */
    static final long ADVERTISED_BITRATE = 2_500_000;
    private static final int MAX_REPORT_BLOCKS = 31;

    private final Endpoint endpoint;
    private final String cname;
    private final byte[] out = new byte[1400];

    RtcpHandler(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.cname = "parley-" + endpoint.id();
    }

    void onCompound(byte[] b, int off, int len, long nowNanos) {
        var packets = RtcpPacket.parseCompound(b, off, len);
        if (packets.isEmpty()) {
            return;
        }
        for (RtcpPacket packet : packets.get()) {
            switch (packet) {
                case SenderReport sr -> {
                    PublishedTrack track = endpoint.trackBySsrc(sr.ssrc());
                    if (track != null) {
                        track.onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), nowNanos);
                    }
                    reportBlocks(sr.reports());
                }
                case ReceiverReport rr -> reportBlocks(rr.reports());
                case Nack nack -> {
                    endpoint.counters().nacksIn++;
                    Subscription leg = endpoint.legBySsrc(nack.mediaSsrc());
                    if (leg != null) {
                        leg.onNack(nack.lostSequenceNumbers(), nowNanos);
                    }
                }
                case PictureLossIndication pli -> keyframeRequest(pli.mediaSsrc(), nowNanos);
                case FullIntraRequest fir -> fir.entries().forEach(entry -> keyframeRequest(entry.ssrc(), nowNanos));
                default -> {
                    // SDES, BYE, REMB, transport-cc and the rest: nothing to act on yet.
                }
            }
        }
    }

    /** The peer's report blocks about our legs: loss, jitter and round-trip time for link statistics. */
    private void reportBlocks(List<ReportBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        long arrival = NtpTime.compact(NtpTime.fromInstant(Instant.now()));
        for (ReportBlock block : blocks) {
            Subscription leg = endpoint.legBySsrc(block.ssrc());
            if (leg != null) {
                leg.onReceiverReport(block, arrival);
            }
        }
    }

    private void keyframeRequest(long legSsrc, long nowNanos) {
        endpoint.counters().keyframeRequestsIn++;
        Subscription leg = endpoint.legBySsrc(legSsrc);
        if (leg != null) {
            leg.onKeyframeRequest(nowNanos);
        }
    }

    void sendReports(long nowNanos) {
        receiverReport(nowNanos);
        senderReports(nowNanos);
    }

    private void receiverReport(long nowNanos) {
        List<PublishedTrack> tracks = endpoint.publishedTracks();
        if (tracks.isEmpty()) {
            return;
        }
        var blocks = new ArrayList<ReportBlock>();
        var videoSsrcs = new ArrayList<Long>();
        for (PublishedTrack track : tracks) {
            track.reportBlock(nowNanos).ifPresent(block -> {
                if (blocks.size() < MAX_REPORT_BLOCKS) {
                    blocks.add(block);
                }
            });
            if (track.kind() == MediaKind.VIDEO) {
                videoSsrcs.add(track.source().ssrc());
            }
        }
        var compound = new ArrayList<RtcpPacket>();
        compound.add(new ReceiverReport(endpoint.feedbackSsrc(), blocks));
        compound.add(SourceDescription.cname(endpoint.feedbackSsrc(), cname));
        if (!videoSsrcs.isEmpty()) {
            compound.add(new Remb(endpoint.feedbackSsrc(), Remb.representable(ADVERTISED_BITRATE), videoSsrcs));
        }
        send(compound);
    }

    private void senderReports(long nowNanos) {
        Instant wallClock = Instant.now();
        var compound = new ArrayList<RtcpPacket>();
        var chunks = new ArrayList<SourceDescription.Chunk>();
        for (Subscription leg : endpoint.legs()) {
            if (compound.size() >= 20) {
                break; // keep one compound within a datagram; the rest report next second
            }
            leg.senderReport(nowNanos, wallClock).ifPresent(sr -> {
                compound.add(sr);
                chunks.add(SourceDescription.cname(sr.ssrc(), cname).chunks().getFirst());
            });
        }
        if (!compound.isEmpty()) {
            compound.add(new SourceDescription(chunks));
            send(compound);
        }
    }

    private void send(List<RtcpPacket> compound) {
        int length = RtcpPacket.writeCompound(compound, out, 0);
        endpoint.sendRtcp(out, 0, length);
    }
}
