package dev.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.rtcp.ReportBlock;
import org.junit.jupiter.api.Test;

/** The inputs of link statistics: interval loss on published tracks, and receiver reports about legs. */
class LinkMeasurementTest {

    private static final long MS = 1_000_000L;

    @Test
    void intervalLossIsCountedBetweenSamplesApartFromTheReceiverReports() {
        var stats = new ReceptionStats(48_000);
        assertEquals(new ReceptionSample(0, 0, 0), stats.sample(), "nothing yet");
        for (int seq = 0; seq < 100; seq++) {
            if (seq % 10 != 5) { // 10 % lost
                stats.onPacket(seq, 960L * seq, seq * 20 * MS);
            }
        }
        stats.reportBlock(1, 2000 * MS); // an RR in between must not reset the sample's interval
        var first = stats.sample();
        assertEquals(100, first.expected());
        assertEquals(10, first.lost());
        for (int seq = 100; seq < 200; seq++) {
            stats.onPacket(seq, 960L * seq, seq * 20 * MS);
        }
        var second = stats.sample();
        assertEquals(100, second.expected());
        assertEquals(0, second.lost(), "the next interval is clean");
        assertTrue(second.jitterMs() < 1, "steady 20 ms packets: " + second.jitterMs());
    }

    @Test
    void aReceiverReportGivesLossJitterAndRoundTripTime() {
        var track = new PublishedTrack(new PublishedTrack.Source("a1", "s1", MediaKind.AUDIO, "opus", 48_000, 111, 2222,
                -1, -1, 0, ""), "pub", new CapturingOutput(), 42);
        Subscription leg = track.subscribe(new CapturingOutput(), new LegFormat(111, "0", 0, 0), 5555, 0);
        assertTrue(leg.remoteReport().isEmpty());
        // LSR 0x10000 (1 s in compact NTP), DLSR 0x8000 (0.5 s), arrival 0x20000 (2 s): rtt 0.5 s.
        leg.onReceiverReport(new ReportBlock(5555, 64, 10, 1000, 480, 0x10000, 0x8000), 0x20000);
        var report = leg.remoteReport().orElseThrow();
        assertEquals(64, report.fractionLost());
        assertEquals(10.0, report.jitterMs(), 1e-9, "480 units at 48 kHz");
        assertEquals(500.0, report.rttMs(), 1e-3);
        leg.onReceiverReport(new ReportBlock(5555, 0, 10, 1000, 0, 0, 0), 0x30000);
        assertEquals(-1, leg.remoteReport().orElseThrow().rttMs(), "no LSR: unknown");
    }
}
