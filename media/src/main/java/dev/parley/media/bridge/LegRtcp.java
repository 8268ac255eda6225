package dev.parley.media.bridge;

import dev.parley.media.sfu.ReceptionStats;
import dev.parley.media.sfu.RemoteReport;
import dev.parley.protocol.rtcp.Bye;
import dev.parley.protocol.rtcp.NtpTime;
import dev.parley.protocol.rtcp.ReceiverReport;
import dev.parley.protocol.rtcp.ReportBlock;
import dev.parley.protocol.rtcp.RtcpPacket;
import dev.parley.protocol.rtcp.SenderReport;
import dev.parley.protocol.rtcp.SourceDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RTCP with a plain far end (RFC 3550 §6): Parley's reports about the stream it sends (a
 * sender report, once it sent anything) and the one it receives (a report block), with an
 * SDES CNAME, as one compound packet; and the far end's reports, from which come the loss and
 * jitter it sees and the round-trip time (LSR and DLSR against our sender reports, §6.4.1).
 * Media loop only.
 */
final class LegRtcp {

    private final String cname;
    private final byte[] out = new byte[512];
    private RemoteReport remoteReport;
    private long reportsIn;

    LegRtcp(String cname) {
        this.cname = cname;
    }

    /** The compound to send now; {@code bye} adds an RTCP BYE (the leg is closing). Returns its length in {@link #buffer()}. */
    int compose(OutboundStream stream, ReceptionStats reception, long farSsrc, long nowNanos, boolean bye) {
        List<ReportBlock> blocks = farSsrc >= 0 && reception.hasPackets()
                ? List.of(reception.reportBlock(farSsrc, nowNanos)) : List.of();
        var compound = new ArrayList<RtcpPacket>();
        Optional<SenderReport> sr = stream.senderReport(nowNanos, Instant.now());
        if (sr.isPresent()) {
            SenderReport s = sr.get();
            compound.add(new SenderReport(s.ssrc(), s.ntpTimestamp(), s.rtpTimestamp(), s.packetCount(), s.octetCount(),
                    blocks));
        } else {
            compound.add(new ReceiverReport(stream.ssrc(), blocks));
        }
        compound.add(SourceDescription.cname(stream.ssrc(), cname));
        if (bye) {
            compound.add(Bye.of(stream.ssrc()));
        }
        return RtcpPacket.writeCompound(compound, out, 0);
    }

    byte[] buffer() {
        return out;
    }

    /** A compound from the far end; false when it does not parse (the caller counts it). */
    boolean onCompound(byte[] b, int off, int len, long ourSsrc, int clockRate, ReceptionStats reception,
                       long farSsrc, long nowNanos) {
        var packets = RtcpPacket.parseCompound(b, off, len);
        if (packets.isEmpty()) {
            return false;
        }
        for (RtcpPacket packet : packets.get()) {
            List<ReportBlock> blocks = switch (packet) {
                case SenderReport sr -> {
                    if (sr.ssrc() == farSsrc || farSsrc < 0) {
                        reception.onSenderReport(sr.ntpTimestamp(), nowNanos);
                    }
                    yield sr.reports();
                }
                case ReceiverReport rr -> rr.reports();
                default -> List.of();
            };
            for (ReportBlock block : blocks) {
                if (block.ssrc() == ourSsrc) {
                    long arrival = NtpTime.compact(NtpTime.fromInstant(Instant.now()));
                    double rtt = block.lastSenderReport() == 0 ? -1
                            : NtpTime.roundTripTime(arrival, block.lastSenderReport(),
                            block.delaySinceLastSenderReport()).toNanos() / 1e6;
                    remoteReport = new RemoteReport(block.fractionLost(), block.jitter() * 1000.0 / clockRate, rtt);
                    reportsIn++;
                }
            }
        }
        return true;
    }

    /** The far end's latest report about Parley's stream. */
    Optional<RemoteReport> remoteReport() {
        return Optional.ofNullable(remoteReport);
    }

    long reportsIn() {
        return reportsIn;
    }
}
