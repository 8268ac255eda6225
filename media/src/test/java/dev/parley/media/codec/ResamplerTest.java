package dev.parley.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.testing.Tones;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void upsamplingKeepsATonesFrequencyAndLevelAcrossFrames() {
        var up = Resampler.telephony(Resampler.Direction.UP);
        short[] tone = Tones.sine(1013, 8000, 10_000, 0, 8000);
        short[] out = new short[48_000];
        int written = 0;
        for (int frame = 0; frame < 50; frame++) { // 20 ms frames: the history must join them
            written += up.process(tone, frame * 160, 160, out, written);
        }
        assertEquals(48_000, written);
        short[] expected = Tones.sine(1013, 48_000, 10_000, 0, 48_000);
        int delay = bestDelay(expected, out, 200);
        double snr = Tones.snr(expected, out, delay, 1000, 47_000);
        assertTrue(snr > 35, "48 kHz copy of the tone, SNR " + snr + " dB at delay " + delay);
    }

    @Test
    void upsamplingLeavesLittleImageAboveTheOldNyquistFrequency() {
        var up = Resampler.telephony(Resampler.Direction.UP);
        short[] tone = Tones.sine(3000, 8000, 10_000, 0, 1600);
        short[] out = new short[9600];
        up.process(tone, 0, 1600, out, 0);
        double wanted = Tones.power(out, 960, 8640, 3000, 48_000);
        double image = Tones.power(out, 960, 8640, 5000, 48_000); // 8000 - 3000
        assertTrue(10 * Math.log10(wanted / image) > 40, "image rejection " + 10 * Math.log10(wanted / image) + " dB");
    }

    @Test
    void downsamplingKeepsSpeechBandTonesAndRemovesWhatWouldAlias() {
        var down = Resampler.telephony(Resampler.Direction.DOWN);
        short[] speech = Tones.sine(1013, 48_000, 10_000, 0, 48_000);
        short[] out = new short[8000];
        int written = 0;
        for (int frame = 0; frame < 50; frame++) {
            written += down.process(speech, frame * 960, 960, out, written);
        }
        assertEquals(8000, written);
        short[] expected = Tones.sine(1013, 8000, 10_000, 0, 8000);
        int delay = bestDelay(expected, out, 40);
        double snr = Tones.snr(expected, out, delay, 200, 7800);
        assertTrue(snr > 35, "8 kHz copy, SNR " + snr + " at delay " + delay);

        var fresh = Resampler.telephony(Resampler.Direction.DOWN);
        short[] high = Tones.sine(7000, 48_000, 10_000, 0, 9600); // would fold to 1 kHz
        short[] folded = new short[1600];
        fresh.process(high, 0, 9600, folded, 0);
        assertTrue(Tones.rms(folded, 200, 1400) < 10_000 / Math.sqrt(2) / 300, "7 kHz removed: rms "
                + Tones.rms(folded, 200, 1400));
    }

    /** The lag (0..max) at which {@code actual} best matches {@code expected}: the filter's group delay. */
    static int bestDelay(short[] expected, short[] actual, int max) {
        int best = 0;
        double bestSnr = Double.NEGATIVE_INFINITY;
        for (int d = 0; d <= max; d++) {
            double snr = Tones.snr(expected, actual, d, 1000, Math.min(expected.length, actual.length) - max - 1);
            if (snr > bestSnr) {
                bestSnr = snr;
                best = d;
            }
        }
        return best;
    }
}
