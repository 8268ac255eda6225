package dev.parley.protocol.codec;

/**
 * The TOC byte of an Opus packet (RFC 6716 §3.1): configuration (mode, bandwidth, frame size),
 * stereo flag and frame count code.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * | config  |s| c |
 * </pre>
 */
public final class OpusToc {

    /** Frame sizes in units of 2.5 ms (1/400 s) per configuration: SILK 10/20/40/60, hybrid 10/20, CELT 2.5/5/10/20. */
    private static final int[] QUARTER_FRAMES = {
            4, 8, 16, 24, 4, 8, 16, 24, 4, 8, 16, 24,
            4, 8, 4, 8,
            1, 2, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8};

    /** Samples at 48 kHz in 2.5 ms. */
    private static final int SAMPLES_PER_QUARTER = 120;
    /** The longest packet Opus allows: 120 ms. */
    public static final int MAX_SAMPLES = 5760;

    private OpusToc() {
    }

    /** Samples at 48 kHz in one frame of this configuration. */
    public static int frameSamples(int toc) {
        return QUARTER_FRAMES[(toc & 0xff) >> 3] * SAMPLES_PER_QUARTER;
    }

    public static boolean stereo(int toc) {
        return (toc & 0x04) != 0;
    }

    /**
     * The packet's duration in 48 kHz samples, or 0 when it is malformed (empty, a code 3
     * packet without its frame count, or longer than 120 ms).
     */
    public static int packetSamples(byte[] b, int off, int len) {
        if (len < 1) {
            return 0;
        }
        int toc = b[off] & 0xff;
        int frames = switch (toc & 0x03) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> len < 2 ? 0 : b[off + 1] & 0x3f;
        };
        int samples = frames * frameSamples(toc);
        return samples > MAX_SAMPLES ? 0 : samples;
    }

    /**
     * A packet that asks the decoder to conceal {@code frames} lost frames of the same
     * configuration and channels as {@code toc} (RFC 7845 §4.1 via RFC 6716 §3.2.5): code 3,
     * constant bit rate, every frame zero bytes long. At most 120 ms.
     */
    public static byte[] concealment(int toc, int frames) {
        if (frames < 1 || frames * frameSamples(toc) > MAX_SAMPLES) {
            throw new IllegalArgumentException(frames + " frames do not fit one Opus packet");
        }
        return new byte[] {(byte) ((toc & 0xfc) | 0x03), (byte) frames};
    }
}
