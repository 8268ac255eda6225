package dev.parley.media.testing;

/** Test signals and measurements: sine tones, their power at a frequency (Goertzel), RMS, SNR. */
public final class Tones {

    private Tones() {
    }

    /** {@code count} samples of a sine of {@code frequency} Hz and peak {@code amplitude}, from sample {@code start}. */
    public static short[] sine(double frequency, int sampleRate, int amplitude, long start, int count) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * (start + i) / sampleRate));
        }
        return out;
    }

    public static double rms(short[] pcm, int offset, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double s = pcm[offset + i];
            sum += s * s;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    public static double rms(short[] pcm) {
        return rms(pcm, 0, pcm.length);
    }

    /** The power of {@code frequency} in the samples (Goertzel), normalised so a full sine of amplitude A gives A²/4. */
    public static double power(short[] pcm, int offset, int count, double frequency, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < count; i++) {
            double s = pcm[offset + i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return power / ((double) count * count);
    }

    /** The frequency among {@code candidates} with the most power: a crude but robust pitch check. */
    public static double dominant(short[] pcm, int sampleRate, double... candidates) {
        double best = candidates[0];
        double bestPower = -1;
        for (double f : candidates) {
            double p = power(pcm, 0, pcm.length, f, sampleRate);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    /** Signal-to-noise ratio in dB of {@code actual} against {@code expected}, after {@code delay} samples of lag. */
    public static double snr(short[] expected, short[] actual, int delay, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            double e = expected[i];
            double d = actual[i + delay] - e;
            signal += e * e;
            noise += d * d;
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }
}
