package dev.parley.platform.calllink;

import java.util.Optional;

/**
 * Finds what an uploaded file really is, and its dimensions, from its first bytes: the
 * signature and the header that states width and height. Nothing is decoded, so a small file
 * claiming a huge picture costs nothing here (its claimed size is refused by the caller).
 * What the client said the file is (name, Content-Type) is never trusted.
 */
public final class ImageProbe {

    /** What the bytes are, and the picture's size in pixels. */
    public record Found(ImageFormat format, int width, int height) {
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageProbe() {
    }

    /** The format and dimensions; empty when the bytes are none of PNG, JPEG, WebP, or their header is broken. */
    public static Optional<Found> probe(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return png(bytes);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return jpeg(bytes);
        }
        return WebpHeader.probe(bytes);
    }

    /** The first chunk of a PNG must be IHDR (length 13): width and height as 32-bit big-endian. */
    private static Optional<Found> png(byte[] b) {
        if (b.length < 24 || be32(b, 8) != 13 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return Optional.empty();
        }
        long width = be32(b, 16);
        long height = be32(b, 20);
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new Found(ImageFormat.PNG, (int) width, (int) height));
    }

    /**
     * Walks the JPEG's marker segments up to the first start-of-frame (SOF0..SOF15 except DHT
     * C4, JPG C8 and DAC CC), whose header holds height then width. Reaching the scan data
     * (SOS) or the end first means there is no frame.
     */
    private static Optional<Found> jpeg(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                pos += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return Optional.empty();
            }
            int length = be16(b, pos + 2);
            if (length < 2) {
                return Optional.empty();
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (length < 8 || pos + 9 > b.length) {
                    return Optional.empty();
                }
                int height = be16(b, pos + 5);
                int width = be16(b, pos + 7);
                return width == 0 || height == 0 ? Optional.empty()
                        : Optional.of(new Found(ImageFormat.JPEG, width, height));
            }
            pos += 2 + length;
        }
        return Optional.empty();
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long be32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static int be16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
