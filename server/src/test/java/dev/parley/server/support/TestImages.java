package dev.parley.server.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real image bytes for upload tests: PNG, JPEG and GIF from ImageIO, WebP built by hand. */
public final class TestImages {

    private TestImages() {
    }

    /** A {@code format} ("png", "jpg", "gif") image of one colour. */
    public static byte[] solid(String format, int width, int height, Color color) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, format);
    }

    /** A PNG of random pixels: it does not compress, so its size is about 3 bytes a pixel. */
    public static byte[] noisePng(int width, int height, long seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return write(image, "png");
    }

    /**
     * A lossless WebP header of the given size: RIFF, WEBP, and a VP8L chunk whose first five
     * bytes are the signature 0x2F and 14 bits each of width-1 and height-1.
     */
    public static byte[] webp(int width, int height) {
        long bits = (width - 1L) | ((height - 1L) << 14);
        byte[] chunk = {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0, 0, 0};
        var out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(4 + 8 + chunk.length));
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(chunk.length));
        out.writeBytes(chunk);
        return out.toByteArray();
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
                + "<script>alert(document.cookie)</script><rect width=\"64\" height=\"64\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    private static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new AssertionError("ImageIO cannot write " + format);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
