package dev.parley.media;

import dev.parley.media.sfu.ReceptionSample;
import dev.parley.media.sfu.RemoteReport;
import java.util.List;

/**
 * The quality of one peer connection, for network-quality events: loss and jitter are the
 * worse of what the peer reports about Parley's packets (its RTCP receiver reports) and what
 * Parley measures on the peer's packets; the round-trip time comes from the receiver reports.
 *
 * @param lossFraction    0..1
 * @param jitterMs        interarrival jitter in milliseconds
 * @param rttMs           round-trip time in milliseconds, 0 when unknown
 * @param packetsReceived RTP packets received from the peer since the connection began
 * @param packetsSent     RTP packets sent to the peer since the connection began
 */
public record LinkStats(double lossFraction, double jitterMs, double rttMs, long packetsReceived, long packetsSent) {

    /**
     * Combines the two directions. Towards the peer: the latest report about each leg, taking
     * the worst leg (RFC 3550 fraction lost / 256; jitter already in ms; the largest known
     * round-trip time). From the peer: loss pooled over its published tracks in the interval
     * since the previous sample, so a track with a handful of packets cannot swing it, and the
     * worst track's jitter.
     */
    static LinkStats combine(List<RemoteReport> legReports, List<ReceptionSample> tracks, long packetsReceived,
                             long packetsSent) {
        double reportedLoss = legReports.stream().mapToInt(RemoteReport::fractionLost).max().orElse(0) / 256.0;
        double reportedJitter = legReports.stream().mapToDouble(RemoteReport::jitterMs).max().orElse(0);
        double rtt = legReports.stream().mapToDouble(RemoteReport::rttMs).filter(r -> r >= 0).max().orElse(0);
        long expected = tracks.stream().mapToLong(ReceptionSample::expected).sum();
        long lost = tracks.stream().mapToLong(ReceptionSample::lost).sum();
        double measuredLoss = expected == 0 ? 0 : Math.min(1.0, (double) lost / expected);
        double measuredJitter = tracks.stream().mapToDouble(ReceptionSample::jitterMs).max().orElse(0);
        return new LinkStats(Math.max(reportedLoss, measuredLoss), Math.max(reportedJitter, measuredJitter), rtt,
                packetsReceived, packetsSent);
    }
}
