package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One RFC 8285 header extension element: its local ID (negotiated with {@code a=extmap}) and
 * its data. IDs 1..14 with 1..16 bytes fit the one-byte form; anything else needs the two-byte
 * form (IDs 1..255, 0..255 bytes). The data array is copied in and out, so the record is
 * immutable.
 */
public record HeaderExtension(int id, byte[] data) {

    public HeaderExtension {
        Bytes.requireRange("extension id", id, 1, 255);
        Bytes.requireRange("extension data length", data.length, 0, 255);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** Whether this element can be written in the one-byte form (RFC 8285 §4.2). */
    public boolean fitsOneByte() {
        return id <= 14 && data.length >= 1 && data.length <= 16;
    }

    /** Copies the data into {@code buf} at {@code off}; returns the byte count. */
    public int copyDataTo(byte[] buf, int off) {
        System.arraycopy(data, 0, buf, off, data.length);
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderExtension other && id == other.id && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HeaderExtension[id=" + id + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
