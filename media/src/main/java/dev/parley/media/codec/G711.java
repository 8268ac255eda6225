package dev.parley.media.codec;

/**
 * G.711 (ITU-T Recommendation G.711, 1988), both laws, between 16-bit linear PCM and 8-bit
 * code words, as RTP carries them (PCMU is payload type 0, PCMA 8; RFC 3551 §4.5.14).
 *
 * <p>Both laws are segmented (piecewise linear) approximations of a logarithm: a sign bit,
 * a 3-bit segment (exponent) and a 4-bit step inside the segment.
 * <ul>
 *   <li>µ-law (Table 2a of G.711) works on 14-bit magnitudes with a bias of 33 (132 in 16-bit
 *       units) so that every segment is twice as long as the one before; the code word is sent
 *       with all bits inverted, so silence is 0xFF.</li>
 *   <li>A-law (Table 1a) works on 13-bit magnitudes, its first two segments share one step
 *       size, and even bits are inverted on the line (XOR 0x55), so silence is 0xD5.</li>
 * </ul>
 * Decoding is a table lookup; encoding computes the segment from the position of the highest
 * set bit, which is what the Recommendation's segment tables amount to. Pure functions,
 * thread-safe, allocation-free.
 */
public final class G711 {

    /** The µ-law code word of silence (+0). */
    public static final byte ULAW_SILENCE = (byte) 0xFF;
    /** The A-law code word of silence (the smallest positive value, +8). */
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawDecodeSlow(i);
            ALAW_TO_LINEAR[i] = alawDecodeSlow(i);
        }
        for (int i = 0; i < 256; i++) {
            ULAW_TO_ALAW[i] = alaw(ULAW_TO_LINEAR[i]);
            ALAW_TO_ULAW[i] = ulaw(ALAW_TO_LINEAR[i]);
        }
    }

    private G711() {
    }

    /** The µ-law code word for one 16-bit sample. */
    public static byte ulaw(int pcm) {
        int sign = 0;
        int magnitude = pcm;
        if (magnitude < 0) {
            sign = 0x80;
            magnitude = -magnitude;
        }
        if (magnitude > ULAW_CLIP) {
            magnitude = ULAW_CLIP;
        }
        magnitude += ULAW_BIAS;
        // The segment is the position of the highest set bit among bits 7..14.
        int exponent = 24 - Integer.numberOfLeadingZeros(magnitude); // bit 7 -> 0 ... bit 14 -> 7
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** The A-law code word for one 16-bit sample. */
    public static byte alaw(int pcm) {
        int sign;
        int magnitude;
        if (pcm >= 0) {
            sign = 0x80;
            magnitude = pcm;
        } else {
            sign = 0;
            magnitude = -pcm - 1; // A-law is symmetric around -0.5: -1 is the first negative step
        }
        if (magnitude > 32767) {
            magnitude = 32767;
        }
        int code;
        if (magnitude < 256) {
            code = magnitude >> 4; // segment 0: the same step size as segment 1
        } else {
            int exponent = 24 - Integer.numberOfLeadingZeros(magnitude); // bit 8 -> 1 ... bit 14 -> 7
            code = (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0F);
        }
        return (byte) ((sign | code) ^ 0x55);
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** Re-codes µ-law as A-law through the linear value (G.711 §4 allows direct conversion tables). */
    public static byte ulawToAlaw(byte code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    public static byte alawToUlaw(byte code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    /** Decodes {@code count} µ-law or A-law bytes into {@code pcm}. */
    public static void decode(boolean alaw, byte[] in, int inOffset, short[] pcm, int pcmOffset, int count) {
        short[] table = alaw ? ALAW_TO_LINEAR : ULAW_TO_LINEAR;
        for (int i = 0; i < count; i++) {
            pcm[pcmOffset + i] = table[in[inOffset + i] & 0xFF];
        }
    }

    /** Encodes {@code count} samples of {@code pcm} as µ-law or A-law into {@code out}. */
    public static void encode(boolean alaw, short[] pcm, int pcmOffset, byte[] out, int outOffset, int count) {
        if (alaw) {
            for (int i = 0; i < count; i++) {
                out[outOffset + i] = alaw(pcm[pcmOffset + i]);
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[outOffset + i] = ulaw(pcm[pcmOffset + i]);
            }
        }
    }

    /**
     * The mean energy of {@code count} code words, as the RFC 6464 audio level: 0 (0 dBov,
     * loudest) to 127 (silent), from a square-sum of the decoded samples.
     */
    public static int audioLevel(boolean alaw, byte[] in, int offset, int count) {
        short[] table = alaw ? ALAW_TO_LINEAR : ULAW_TO_LINEAR;
        double energy = 0;
        for (int i = 0; i < count; i++) {
            int s = table[in[offset + i] & 0xFF];
            energy += (double) s * s;
        }
        return AudioLevels.fromEnergy(energy, count);
    }

    private static short ulawDecodeSlow(int code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (short) (sign != 0 ? -magnitude : magnitude);
    }

    private static short alawDecodeSlow(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        // Each decoded value is the middle of its step: +8 in segment 0, half a step above.
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
