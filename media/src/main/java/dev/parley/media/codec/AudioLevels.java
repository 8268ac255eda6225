package dev.parley.media.codec;

/**
 * RFC 6464 audio levels from PCM: the level is the negated power of the signal in dBov
 * (decibels relative to the loudest full-scale square wave), 0 loudest to 127 silent (§3).
 */
public final class AudioLevels {

    private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;

    private AudioLevels() {
    }

    /** The level of {@code count} samples whose squares add up to {@code energy}. */
    public static int fromEnergy(double energy, int count) {
        if (count <= 0 || energy <= 0) {
            return 127;
        }
        double dbov = 10 * Math.log10(energy / count / FULL_SCALE_SQUARED);
        return (int) Math.max(0, Math.min(127, Math.round(-dbov)));
    }

    /** The level of {@code count} samples of {@code pcm}. */
    public static int of(short[] pcm, int offset, int count) {
        double energy = 0;
        for (int i = 0; i < count; i++) {
            double s = pcm[offset + i];
            energy += s * s;
        }
        return fromEnergy(energy, count);
    }
}
