package dev.parley.protocol.srtp;

import java.util.HexFormat;

/** Test helpers for hex vectors and RTP/RTCP packets. */
final class Bytes {

    private Bytes() {
    }

    /** Parses hex, ignoring whitespace (vectors are copied from the RFC text in their layout). */
    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes, int off, int len) {
        return HexFormat.of().formatHex(bytes, off, off + len);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A version-2 RTP packet with payload type 96, the given sequence number and SSRC, and {@code payload} bytes of a pattern. */
    static byte[] rtp(int seq, int ssrc, int payloadLength) {
        byte[] packet = new byte[12 + payloadLength];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        packet[4] = (byte) (seq * 7);
        packet[7] = (byte) 160;
        writeInt(packet, 8, ssrc);
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) (i * 31 + seq);
        }
        return packet;
    }

    /** A receiver report from {@code ssrc} with {@code extra} words of pattern after the header. */
    static byte[] rtcp(int ssrc, int extraWords) {
        byte[] packet = new byte[8 + 4 * extraWords];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) 201;
        packet[3] = (byte) (1 + extraWords);
        writeInt(packet, 4, ssrc);
        for (int i = 8; i < packet.length; i++) {
            packet[i] = (byte) (i * 13);
        }
        return packet;
    }

    static void writeInt(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    /** {@code packet} copied into a buffer with {@code room} spare bytes after it. */
    static byte[] withRoom(byte[] packet, int room) {
        return java.util.Arrays.copyOf(packet, packet.length + room);
    }
}
