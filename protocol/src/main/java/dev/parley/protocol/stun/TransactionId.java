package dev.parley.protocol.stun;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The 96-bit STUN transaction id (RFC 8489 §5), held as two primitives so that it compares
 * by value and costs no array: {@code high} is the first 8 bytes on the wire, {@code low} the
 * last 4, both big-endian.
 */
public record TransactionId(long high, int low) {

    /** Length on the wire, in bytes. */
    public static final int LENGTH = 12;

    /** A fresh id; RFC 8489 §6 wants it uniformly random, so pass a {@code SecureRandom}. */
    public static TransactionId random(RandomGenerator random) {
        return new TransactionId(random.nextLong(), random.nextInt());
    }

    /** Reads 12 bytes at {@code off}; the caller has checked the bounds. */
    public static TransactionId read(byte[] buf, int off) {
        return new TransactionId(Bytes.getLong(buf, off), Bytes.getInt(buf, off + 8));
    }

    /** Twelve bytes, e.g. a value copied from an RFC test vector. */
    public static TransactionId of(byte[] twelveBytes) {
        if (twelveBytes.length != LENGTH) {
            throw new IllegalArgumentException("a transaction id is 12 bytes, not " + twelveBytes.length);
        }
        return read(twelveBytes, 0);
    }

    public void writeTo(byte[] buf, int off) {
        Bytes.putLong(buf, off, high);
        Bytes.putInt(buf, off + 8, low);
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[LENGTH];
        writeTo(bytes, 0);
        return bytes;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(toBytes());
    }
}
