package dev.parley.media;

/**
 * A connection's quality as a 1..5 level and a mean opinion score, from the ITU-T G.107
 * E-model with Opus-like constants, exactly as docs/signaling.md ("Network quality") states it
 * for SDK authors: one-way delay d = rtt/2 + 2 jitter + 20 ms (the 20 ms stand for a packet's
 * duration and the jitter buffer); delay impairment Id = 0.024 d, plus 0.11 (d - 177.3) past
 * 177.3 ms; loss impairment Ie-eff = 95 P / (P + 10) for loss P in percent; R = 93.2 - Id -
 * Ie-eff; MOS = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R). R is held to 0..100 first, where
 * G.107 defines the MOS as 1 and 4.5 (the polynomial itself turns back up below 0), and the
 * MOS to 1..4.5.
 *
 * @param level 5 excellent (MOS at least 4.2), 4 good (4.0), 3 fair (3.6), 2 poor (3.1), 1 bad
 * @param mos   1..4.5
 */
public record NetworkQuality(int level, double mos) {

    public static NetworkQuality of(LinkStats stats) {
        double delay = stats.rttMs() / 2 + 2 * stats.jitterMs() + 20;
        double delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
        double lossPercent = stats.lossFraction() * 100;
        double lossImpairment = 95 * lossPercent / (lossPercent + 10);
        double r = Math.clamp(93.2 - delayImpairment - lossImpairment, 0.0, 100.0);
        double mos = Math.clamp(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 1.0, 4.5);
        return new NetworkQuality(levelOf(mos), mos);
    }

    private static int levelOf(double mos) {
        if (mos >= 4.2) {
            return 5;
        }
        if (mos >= 4.0) {
            return 4;
        }
        if (mos >= 3.6) {
            return 3;
        }
        return mos >= 3.1 ? 2 : 1;
    }
}
