package dev.parley.protocol.dtls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.fuzz.Fuzzer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtlsRecordsTest {

    /** An alert record in epoch 1: type 21, DTLS 1.2, epoch 1, seq 5, length 2. */
    static final byte[] ALERT = HexFormat.of().parseHex("15fefd0001000000000005" + "0002" + "0100");
    /** A handshake record in epoch 0 with one whole 4-byte message (msg_seq 0, offset 0). */
    static final byte[] HANDSHAKE = HexFormat.of().parseHex("16fefd0000000000000000" + "0010"
            + "01" + "000004" + "0000" + "000000" + "000004" + "cafebabe");

    @Test
    void acceptsWholeRecords() {
        assertTrue(DtlsRecords.isWellFormed(ALERT, 0, ALERT.length));
        assertTrue(DtlsRecords.isWellFormed(HANDSHAKE, 0, HANDSHAKE.length));
        byte[] two = concat(HANDSHAKE, ALERT);
        assertTrue(DtlsRecords.isWellFormed(two, 0, two.length));
        byte[] padded = concat(new byte[3], ALERT);
        assertTrue(DtlsRecords.isWellFormed(padded, 3, ALERT.length));
    }

    @Test
    void refusesBrokenFraming() {
        assertFalse(DtlsRecords.isWellFormed(ALERT, 0, ALERT.length - 1), "truncated");
        byte[] trailing = Arrays.copyOf(ALERT, ALERT.length + 1);
        assertFalse(DtlsRecords.isWellFormed(trailing, 0, trailing.length), "trailing byte");
        assertFalse(DtlsRecords.isWellFormed(new byte[12], 0, 12), "shorter than a header");
        assertFalse(DtlsRecords.isWellFormed(with(ALERT, 0, 25), 0, ALERT.length), "connection id type");
        assertFalse(DtlsRecords.isWellFormed(with(ALERT, 0, 19), 0, ALERT.length), "unknown type");
        assertFalse(DtlsRecords.isWellFormed(with(ALERT, 1, 3), 0, ALERT.length), "TLS, not DTLS");
    }

    @Test
    void refusesImplausibleHandshakeFragments() {
        // a claimed 16 MB message would make BouncyCastle allocate 16 MB
        byte[] huge = with(HANDSHAKE, 14, 0xff);
        assertFalse(DtlsRecords.isWellFormed(huge, 0, huge.length));
        byte[] pastEnd = with(HANDSHAKE, 22, 2); // fragment offset 2 + length 4 > message length 4
        assertFalse(DtlsRecords.isWellFormed(pastEnd, 0, pastEnd.length));
        byte[] longFragment = with(HANDSHAKE, 24, 5); // fragment claims more bytes than the record has
        assertFalse(DtlsRecords.isWellFormed(longFragment, 0, longFragment.length));
        // in epoch 1 the fragment is encrypted, so it is not inspected
        byte[] encrypted = with(huge, 4, 1);
        assertTrue(DtlsRecords.isWellFormed(encrypted, 0, encrypted.length));
    }

    @Test
    void fuzz() {
        Fuzzer.run("DtlsRecords.isWellFormed", List.of(ALERT, HANDSHAKE, concat(HANDSHAKE, ALERT)),
                input -> DtlsRecords.isWellFormed(input, 0, input.length));
    }

    private static byte[] with(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
