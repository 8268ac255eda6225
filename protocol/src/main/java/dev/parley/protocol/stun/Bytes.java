package dev.parley.protocol.stun;

/** Big-endian reads and writes on {@code byte[]}; callers check bounds first. */
final class Bytes {

    private Bytes() {
    }

    static int getShort(byte[] buf, int off) {
        return ((buf[off] & 0xFF) << 8) | (buf[off + 1] & 0xFF);
    }

    static int getInt(byte[] buf, int off) {
        return (getShort(buf, off) << 16) | getShort(buf, off + 2);
    }

    static long getLong(byte[] buf, int off) {
        return ((long) getInt(buf, off) << 32) | (getInt(buf, off + 4) & 0xFFFF_FFFFL);
    }

    static void putShort(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 8);
        buf[off + 1] = (byte) value;
    }

    static void putInt(byte[] buf, int off, int value) {
        putShort(buf, off, value >>> 16);
        putShort(buf, off + 2, value);
    }

    static void putLong(byte[] buf, int off, long value) {
        putInt(buf, off, (int) (value >>> 32));
        putInt(buf, off + 4, (int) value);
    }

    /** Rounds a value length up to the 4-byte boundary STUN attributes end on. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
