package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.media.sfu.ReceptionSample;
import dev.parley.media.sfu.RemoteReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkStatsTest {

    @Test
    void theWorseDirectionWins() {
        var reports = List.of(new RemoteReport(64, 3.0, 40), new RemoteReport(13, 12.0, -1));
        var samples = List.of(new ReceptionSample(100, 2, 5.0), new ReceptionSample(50, 1, 1.0));
        var stats = LinkStats.combine(reports, samples, 1000, 2000);
        assertEquals(0.25, stats.lossFraction(), 1e-9, "the peer reports 64/256 on its worst leg");
        assertEquals(12.0, stats.jitterMs(), 1e-9);
        assertEquals(40.0, stats.rttMs(), 1e-9, "unknown round trips are skipped");
        assertEquals(1000, stats.packetsReceived());
        assertEquals(2000, stats.packetsSent());

        var measuredWorse = LinkStats.combine(List.of(new RemoteReport(0, 1.0, 10)),
                List.of(new ReceptionSample(100, 20, 30.0), new ReceptionSample(100, 0, 2.0)), 0, 0);
        assertEquals(0.10, measuredWorse.lossFraction(), 1e-9, "20 of 200 expected, pooled over the tracks");
        assertEquals(30.0, measuredWorse.jitterMs(), 1e-9);
    }

    @Test
    void nothingKnownIsAPerfectLink() {
        assertEquals(new LinkStats(0, 0, 0, 0, 0), LinkStats.combine(List.of(), List.of(), 0, 0));
    }

    @Test
    void networkQualityFollowsTheEModelOfTheSignalingDocs() {
        // d = 10 + 0 + 20 = 30 ms; Id = 0.72; R = 92.48; MOS = 1 + 3.2368 + 7e-6 * 92.48 * 32.48 * 7.52 = 4.3949
        var clean = NetworkQuality.of(new LinkStats(0, 0, 20, 0, 0));
        assertEquals(4.3949, clean.mos(), 1e-3);
        assertEquals(5, clean.level());

        // 10 % loss: Ie-eff = 95 * 10 / 20 = 47.5; R = 44.98; MOS = 1 + 1.5743 - 0.2602 = 2.3141
        var lossy = NetworkQuality.of(new LinkStats(0.10, 0, 20, 0, 0));
        assertEquals(2.3141, lossy.mos(), 1e-3);
        assertEquals(1, lossy.level());

        // 1 % loss, 100 ms rtt, 5 ms jitter: d = 80; Id = 1.92; Ie-eff = 95 / 11 = 8.636; R = 82.644;
        // MOS = 1 + 2.8925 + 7e-6 * 82.644 * 22.644 * 17.356 = 4.1199: good
        var fair = NetworkQuality.of(new LinkStats(0.01, 5, 100, 0, 0));
        assertEquals(4.1199, fair.mos(), 1e-3);
        assertEquals(4, fair.level());

        // 600 ms rtt: d = 320; Id = 7.68 + 0.11 * 142.7 = 23.377; R = 69.823; MOS = 3.5886: poor
        var slow = NetworkQuality.of(new LinkStats(0, 0, 600, 0, 0));
        assertEquals(3.5886, slow.mos(), 1e-3);
        assertEquals(2, slow.level());

        assertEquals(new NetworkQuality(1, 1.0), NetworkQuality.of(new LinkStats(1.0, 500, 5000, 0, 0)),
                "R below 0 is a MOS of 1, not the polynomial's upturn");
    }
}
