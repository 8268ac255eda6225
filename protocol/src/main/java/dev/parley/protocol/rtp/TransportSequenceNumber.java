package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

/**
 * The transport-wide congestion control sequence number (draft-holmer-rmcat-transport-wide-cc-
 * extensions-01 §2): a 16-bit counter over every packet of the transport, which the SFU
 * rewrites per outgoing transport and the receiver acknowledges in transport-cc RTCP feedback.
 *
 * <pre>
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | L=1   |transport-wide sequence number |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TransportSequenceNumber {

    public static final String URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final int LENGTH = 2;

    private TransportSequenceNumber() {
    }

    public static int read(byte[] b, int dataOffset) {
        return Bytes.u16(b, dataOffset);
    }

    /** Writes the low 16 bits, so callers may pass an unwrapped counter. */
    public static void write(byte[] b, int dataOffset, int sequenceNumber) {
        Bytes.put16(b, dataOffset, sequenceNumber);
    }

    public static HeaderExtension toExtension(int id, int sequenceNumber) {
        byte[] data = new byte[LENGTH];
        write(data, 0, sequenceNumber);
        return new HeaderExtension(id, data);
    }
}
