package dev.parley.platform.calllink;

import java.util.Optional;

/**
 * Reads a WebP file's dimensions from its RIFF container: {@code RIFF <size> WEBP}, then the
 * first chunk, which is one of
 * <ul>
 *   <li>{@code VP8 } (lossy): a VP8 key frame: 3-byte frame tag, start code 9D 01 2A, then
 *       14-bit width and height (little-endian, top two bits are scaling);</li>
 *   <li>{@code VP8L} (lossless): signature byte 0x2F, then 14 bits width-1 and 14 bits
 *       height-1, little-endian bit order;</li>
 *   <li>{@code VP8X} (extended): flags, 3 reserved bytes, then canvas width-1 and height-1 as
 *       24-bit little-endian.</li>
 * </ul>
 * Layout per Google's "WebP Container Specification" and RFC 6386 section 9.1.
 */
final class WebpHeader {

    private WebpHeader() {
    }

    static Optional<ImageProbe.Found> probe(byte[] b) {
        if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            return Optional.empty();
        }
        long riffSize = le(b, 4, 4);
        long chunkSize = le(b, 16, 4);
        if (riffSize < 4 + 8 + chunkSize || 20 + chunkSize > (long) b.length + 1) {
            return Optional.empty(); // a chunk that claims more than the file holds (one pad byte allowed)
        }
        if (ascii(b, 12, "VP8 ")) {
            boolean keyFrame = (b[20] & 0x01) == 0;
            if (!keyFrame || (b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                return Optional.empty();
            }
            return found((int) le(b, 26, 2) & 0x3FFF, (int) le(b, 28, 2) & 0x3FFF);
        }
        if (ascii(b, 12, "VP8L")) {
            if ((b[20] & 0xFF) != 0x2F) {
                return Optional.empty();
            }
            long bits = le(b, 21, 4);
            int version = (int) (bits >>> 29) & 0x7;
            return version != 0 ? Optional.empty()
                    : found((int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (ascii(b, 12, "VP8X")) {
            return found((int) le(b, 24, 3) + 1, (int) le(b, 27, 3) + 1);
        }
        return Optional.empty();
    }

    private static Optional<ImageProbe.Found> found(int width, int height) {
        return width == 0 || height == 0 ? Optional.empty()
                : Optional.of(new ImageProbe.Found(ImageFormat.WEBP, width, height));
    }

    private static boolean ascii(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long le(byte[] b, int at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (b[at + i] & 0xFF);
        }
        return value;
    }
}
