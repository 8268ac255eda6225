package dev.parley.protocol.rtp;

import java.util.Arrays;

/** A growable byte buffer for a frame being put together; reused frame after frame. */
final class FrameBuffer {

    private byte[] buf = new byte[16 * 1024];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    void add(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void addInt(int value) {
        ensure(4);
        buf[size++] = (byte) (value >>> 24);
        buf[size++] = (byte) (value >>> 16);
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) value;
    }

    void add(byte value) {
        ensure(1);
        buf[size++] = value;
    }

    byte[] buffer() {
        return buf;
    }

    byte[] copy() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
