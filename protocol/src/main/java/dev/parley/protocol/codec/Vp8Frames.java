package dev.parley.protocol.codec;

/**
 * The start of a VP8 frame (RFC 6386 §9.1): a 3-byte tag whose lowest bit is 0 for a keyframe,
 * and in keyframes the start code 9d 01 2a followed by the width and height (14 bits each, the
 * top 2 bits a scaling mode).
 */
public final class Vp8Frames {

    private Vp8Frames() {
    }

    public static boolean isKeyframe(byte[] b, int off, int len) {
        return len >= 3 && (b[off] & 0x01) == 0;
    }

    /** Width and height of a keyframe as {@code width << 16 | height}, or -1 when not a well-formed keyframe. */
    public static int dimensions(byte[] b, int off, int len) {
        if (len < 10 || !isKeyframe(b, off, len)
                || (b[off + 3] & 0xff) != 0x9d || (b[off + 4] & 0xff) != 0x01 || (b[off + 5] & 0xff) != 0x2a) {
            return -1;
        }
        int width = ((b[off + 6] & 0xff) | (b[off + 7] & 0xff) << 8) & 0x3fff;
        int height = ((b[off + 8] & 0xff) | (b[off + 9] & 0xff) << 8) & 0x3fff;
        return width == 0 || height == 0 ? -1 : width << 16 | height;
    }
}
