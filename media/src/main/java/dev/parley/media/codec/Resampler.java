package dev.parley.media.codec;

/**
 * Integer-ratio sample-rate conversion of 16-bit PCM, for 8 kHz G.711 and 48 kHz Opus: up by
 * {@code factor} (zero stuffing, then a low-pass that removes the spectral images) or down by
 * {@code factor} (a low-pass that removes what would alias, then keeping every
 * {@code factor}-th sample). One windowed-sinc FIR serves both, in polyphase form so that only
 * the products that matter are computed: for 8 kHz to 48 kHz with 24 taps per phase, 24
 * multiply-adds per output sample. The cut-off sits at 3.8 kHz of the 8 kHz side; telephone
 * audio stops at 3.4 kHz (G.712).
 *
 * <p>State (the last input samples) carries over between calls, so consecutive 20 ms frames
 * join without clicks. Not thread-safe: one per stream and codec worker.
 */
public final class Resampler {

    /** Which way the rate goes. */
    public enum Direction { UP, DOWN }

    private static final int TAPS_PER_PHASE = 24;
    private static final double KAISER_BETA = 7.0;

    private final Direction direction;
    private final int factor;
    /** The prototype filter, {@code factor * TAPS_PER_PHASE} taps, gain 1 at DC. */
    private final float[] taps;
    /** Input history, newest last: TAPS_PER_PHASE samples going up, all taps going down. */
    private final float[] history;

    /**
     * @param factor    the ratio of the higher rate to the lower, e.g. 6 for 8 kHz and 48 kHz
     * @param cutoff    the pass band's edge as a share of the lower rate's Nyquist frequency (0..1)
     */
    public Resampler(Direction direction, int factor, double cutoff) {
        if (factor < 2 || cutoff <= 0 || cutoff > 1) {
            throw new IllegalArgumentException("factor " + factor + ", cutoff " + cutoff);
        }
        this.direction = direction;
        this.factor = factor;
        int length = factor * TAPS_PER_PHASE;
        // Going down, an output is computed when the last of `factor` new inputs is in (index
        // factor * m + factor - 1), so a centre one tap earlier puts the delay on a whole number
        // of output samples.
        int centre = direction == Direction.UP ? length / 2 : length / 2 - 1;
        this.taps = lowPass(length, cutoff / factor, centre);
        this.history = new float[direction == Direction.UP ? TAPS_PER_PHASE : taps.length];
    }

    /** 8 kHz to 48 kHz, or back: the converter the RTP bridge uses between G.711 and Opus. */
    public static Resampler telephony(Direction direction) {
        return new Resampler(direction, 6, 0.95);
    }

    public int factor() {
        return factor;
    }

    /**
     * Converts {@code count} input samples; returns how many were written to {@code out}:
     * {@code count * factor} going up, {@code count / factor} going down (give multiples of
     * the factor, as 20 ms frames are).
     */
    public int process(short[] in, int inOffset, int count, short[] out, int outOffset) {
        return direction == Direction.UP ? up(in, inOffset, count, out, outOffset)
                : down(in, inOffset, count, out, outOffset);
    }

    /** Forgets the history, as after a gap in the stream. */
    public void reset() {
        java.util.Arrays.fill(history, 0);
    }

    private int up(short[] in, int inOffset, int count, short[] out, int outOffset) {
        int o = outOffset;
        int n = history.length;
        for (int i = 0; i < count; i++) {
            System.arraycopy(history, 1, history, 0, n - 1);
            history[n - 1] = in[inOffset + i];
            // Output phase p uses taps p, p + factor, p + 2 factor...: the zero-stuffed
            // samples contribute nothing. The factor restores the energy that stuffing spread.
            for (int p = 0; p < factor; p++) {
                float acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += taps[p + k * factor] * history[n - 1 - k];
                }
                out[o++] = clip(acc * factor);
            }
        }
        return o - outOffset;
    }

    private int down(short[] in, int inOffset, int count, short[] out, int outOffset) {
        int o = outOffset;
        int n = history.length;
        for (int i = 0; i + factor <= count; i += factor) {
            System.arraycopy(history, factor, history, 0, n - factor);
            for (int j = 0; j < factor; j++) {
                history[n - factor + j] = in[inOffset + i + j];
            }
            float acc = 0;
            for (int k = 0; k < n; k++) {
                acc += taps[k] * history[n - 1 - k];
            }
            out[o++] = clip(acc);
        }
        return o - outOffset;
    }

    private static short clip(float v) {
        int s = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
    }

    /**
     * A Kaiser-windowed sinc low-pass with its edge at {@code cutoff} of the high rate's Nyquist
     * frequency, symmetric around tap {@code centre} (taps past {@code 2 * centre} are zero), so
     * that its delay is a whole number of samples at both rates: 72 samples at 48 kHz (12 at
     * 8 kHz) for the telephony converter going up, 11 at 8 kHz going down (with the frame's
     * last five inputs).
     */
    static float[] lowPass(int length, double cutoff, int centre) {
        double[] h = new double[length];
        int middle = centre;
        double sum = 0;
        double i0Beta = besselI0(KAISER_BETA);
        for (int n = 0; n <= Math.min(length - 1, 2 * centre); n++) {
            double t = n - middle;
            double sinc = t == 0 ? cutoff : Math.sin(Math.PI * cutoff * t) / (Math.PI * t);
            double ratio = t / middle;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / i0Beta;
            h[n] = sinc * window;
            sum += h[n];
        }
        float[] taps = new float[length];
        for (int n = 0; n < length; n++) {
            taps[n] = (float) (h[n] / sum);
        }
        return taps;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
