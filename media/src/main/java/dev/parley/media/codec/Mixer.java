package dev.parley.media.codec;

import java.util.Arrays;

/**
 * Adds frames of 16-bit PCM and clips the sum to 16 bits: the plain mix a conference bridge
 * does. Sums are kept in an int accumulator so that several loud inputs saturate once, at
 * the end, instead of wrapping around. Not thread-safe: one per codec worker.
 */
public final class Mixer {

    private final int[] sum;
    private int inputs;

    /** A mixer of frames of {@code frameSamples} samples. */
    public Mixer(int frameSamples) {
        sum = new int[frameSamples];
    }

    public int frameSamples() {
        return sum.length;
    }

    /** Starts a new frame: nothing added yet. */
    public void clear() {
        Arrays.fill(sum, 0);
        inputs = 0;
    }

    /** Adds {@code count} samples (at most a frame) of {@code pcm} from the start of the frame. */
    public void add(short[] pcm, int offset, int count) {
        int n = Math.min(count, sum.length);
        for (int i = 0; i < n; i++) {
            sum[i] += pcm[offset + i];
        }
        inputs++;
    }

    /** How many inputs were added to this frame. */
    public int inputs() {
        return inputs;
    }

    /** Writes the frame, clipped to -32768..32767, into {@code out}; returns how many samples were clipped. */
    public int mixInto(short[] out, int offset) {
        int clipped = 0;
        for (int i = 0; i < sum.length; i++) {
            int s = sum[i];
            if (s > Short.MAX_VALUE) {
                s = Short.MAX_VALUE;
                clipped++;
            } else if (s < Short.MIN_VALUE) {
                s = Short.MIN_VALUE;
                clipped++;
            }
            out[offset + i] = (short) s;
        }
        return clipped;
    }
}
