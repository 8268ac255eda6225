package dev.parley.media.sfu;

import java.util.Locale;

/**
 * Tells whether an RTP payload starts a keyframe, so a new or resumed subscriber can be held
 * back until one comes (its decoder cannot start elsewhere).
 */
public final class Keyframes {

    private Keyframes() {
    }

    public static boolean isKeyframe(String codec, byte[] b, int payloadOffset, int payloadLength) {
        return switch (codec.toUpperCase(Locale.ROOT)) {
            case "VP8" -> vp8(b, payloadOffset, payloadLength);
            case "H264" -> h264(b, payloadOffset, payloadLength);
            default -> true; // unknown video codecs are not held back
        };
    }

    /**
     * RFC 7741 §4.2/§4.3: the payload descriptor, then for the first partition of a frame
     * (S=1, PID=0) the VP8 payload header whose lowest bit P is 0 for a keyframe.
     */
    static boolean vp8(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int first = b[off] & 0xff;
        boolean extended = (first & 0x80) != 0;
        boolean start = (first & 0x10) != 0;
        int partition = first & 0x07;
        int i = off + 1;
        if (extended) {
            if (len < 2) {
                return false;
            }
            int x = b[i++] & 0xff;
            if ((x & 0x80) != 0) { // I: picture id, 7 or 15 bits
                if (i >= off + len) {
                    return false;
                }
                i += (b[i] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) { // L: TL0PICIDX
                i++;
            }
            if ((x & 0x20) != 0 || (x & 0x10) != 0) { // T or K
                i++;
            }
        }
        return start && partition == 0 && i < off + len && (b[i] & 0x01) == 0;
    }

    /** RFC 6184: an IDR slice (5) or SPS (7), alone, in a STAP-A (24) or starting an FU-A (28). */
    static boolean h264(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = b[off] & 0x1f;
        if (type == 5 || type == 7) {
            return true;
        }
        if (type == 24) {
            int i = off + 1;
            while (i + 2 < off + len) {
                int size = ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
                int naluType = b[i + 2] & 0x1f;
                if (naluType == 5 || naluType == 7) {
                    return true;
                }
                i += 2 + size;
            }
            return false;
        }
        if (type == 28 && len >= 2) {
            boolean startOfFragment = (b[off + 1] & 0x80) != 0;
            int naluType = b[off + 1] & 0x1f;
            return startOfFragment && (naluType == 5 || naluType == 7);
        }
        return false;
    }
}
