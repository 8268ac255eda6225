package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SDES {@code mid} header extension (RFC 7941 carries SDES items as header extensions;
 * BUNDLE, RFC 9143, defines {@code mid}): the media identification tag from SDP that tells
 * the receiver which m= section a packet belongs to, carried as the bare bytes of a short
 * string (no terminator). One-byte elements hold 1..16 bytes; the two-byte form up to 255.
 */
public final class SdesMid {

    public static final String URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final int MAX_LENGTH = 255;

    private SdesMid() {
    }

    /** The string in an element's data (allocates; see {@link #matches} for the forwarding path). */
    public static String read(byte[] b, int dataOffset, int dataLength) {
        return new String(b, dataOffset, dataLength, StandardCharsets.UTF_8);
    }

    /** Whether the element's data equals {@code mid}'s bytes, without allocating. */
    public static boolean matches(byte[] b, int dataOffset, int dataLength, byte[] mid) {
        return Arrays.equals(b, dataOffset, dataOffset + dataLength, mid, 0, mid.length);
    }

    /** The element data for {@code mid}: its UTF-8 bytes, 1..255 of them. */
    public static byte[] encode(String mid) {
        byte[] bytes = mid.getBytes(StandardCharsets.UTF_8);
        Bytes.requireRange("mid length in bytes", bytes.length, 1, MAX_LENGTH);
        return bytes;
    }

    public static HeaderExtension toExtension(int id, String mid) {
        return new HeaderExtension(id, encode(mid));
    }
}
