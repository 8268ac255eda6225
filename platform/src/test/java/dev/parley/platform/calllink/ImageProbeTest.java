package dev.parley.platform.calllink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Image types found from real bytes, never from names; dimensions from the headers. */
class ImageProbeTest {

    static byte[] encode(String format, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), "ImageIO writes " + format);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** A lossless WebP of {@code width} x {@code height}: RIFF, WEBP, a VP8L chunk with its 5-byte header. */
    static byte[] webpLossless(int width, int height) {
        long bits = (width - 1L) | ((height - 1L) << 14); // alpha hint 0, version 0
        byte[] vp8l = {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0, 0, 0};
        return riff("VP8L", vp8l);
    }

    /** A lossy WebP header: a VP8 key frame tag, start code, 14-bit sizes. */
    static byte[] webpLossy(int width, int height) {
        byte[] vp8 = {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A, (byte) width, (byte) (width >> 8), (byte) height,
                (byte) (height >> 8), 0, 0};
        return riff("VP8 ", vp8);
    }

    /** An extended WebP: VP8X with the canvas size minus one in 24 bits each. */
    static byte[] webpExtended(int width, int height) {
        int w = width - 1;
        int h = height - 1;
        byte[] vp8x = {0, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) (w >> 16), (byte) h, (byte) (h >> 8), (byte) (h >> 16)};
        return riff("VP8X", vp8x);
    }

    static byte[] riff(String fourcc, byte[] chunk) {
        var out = new ByteArrayOutputStream();
        int riffSize = 4 + 8 + chunk.length;
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(riffSize));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(fourcc.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(chunk.length));
        out.writeBytes(chunk);
        return out.toByteArray();
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    @Test
    void pngAndJpegFromImageIo() {
        assertEquals(Optional.of(new ImageProbe.Found(ImageFormat.PNG, 321, 123)), ImageProbe.probe(encode("png", 321, 123)));
        assertEquals(Optional.of(new ImageProbe.Found(ImageFormat.JPEG, 640, 17)), ImageProbe.probe(encode("jpg", 640, 17)));
    }

    @Test
    void webpInItsThreeForms() {
        assertEquals(Optional.of(new ImageProbe.Found(ImageFormat.WEBP, 300, 200)), ImageProbe.probe(webpLossless(300, 200)));
        assertEquals(Optional.of(new ImageProbe.Found(ImageFormat.WEBP, 16384, 1)), ImageProbe.probe(webpLossless(16384, 1)));
        assertEquals(Optional.of(new ImageProbe.Found(ImageFormat.WEBP, 1024, 768)), ImageProbe.probe(webpLossy(1024, 768)));
        assertEquals(Optional.of(new ImageProbe.Found(ImageFormat.WEBP, 5000, 40000)), ImageProbe.probe(webpExtended(5000, 40000)));
    }

    @Test
    void anythingElseIsNotAnImage() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : new byte[][] {svg, encode("gif", 64, 64), encode("bmp", 64, 64), new byte[0], {(byte) 0x89},
                "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(encode("png", 64, 64), 20), // cut inside IHDR
                Arrays.copyOf(encode("jpg", 64, 64), 40), // no frame header before the cut
                Arrays.copyOf(webpLossy(64, 64), 24)}) {
            assertEquals(Optional.empty(), ImageProbe.probe(bytes), new String(bytes, StandardCharsets.ISO_8859_1));
        }
        byte[] lying = webpLossless(64, 64);
        lying[16] = (byte) 0xFF; // the chunk claims more than the file has
        assertEquals(Optional.empty(), ImageProbe.probe(lying));
    }
}
