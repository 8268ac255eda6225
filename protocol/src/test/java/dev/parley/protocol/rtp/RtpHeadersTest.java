package dev.parley.protocol.rtp;

import static dev.parley.protocol.rtp.RtpPacketTest.assertCounted;
import static dev.parley.protocol.rtp.RtpPacketTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpHeadersTest {

    /** CC=1, X with a one-byte block of 8 bytes, 3 payload bytes, 2 padding bytes. */
    private static final byte[] PACKET = hex(
            "b1 e0 0102 0a0b0c0d 01020304  0000abcd  bede 0002  10 ff 22 12 34 56 00 00  aa bb cc  00 02");

    @Test
    void gettersReadTheFixedHeader() {
        byte[] b = PACKET.clone();
        assertEquals(2, RtpHeaders.version(b, 0));
        assertTrue(RtpHeaders.hasPadding(b, 0));
        assertTrue(RtpHeaders.hasExtension(b, 0));
        assertEquals(1, RtpHeaders.csrcCount(b, 0));
        assertEquals(0xabcdL, RtpHeaders.csrc(b, 0, 0));
        assertTrue(RtpHeaders.marker(b, 0));
        assertEquals(96, RtpHeaders.payloadType(b, 0));
        assertEquals(0x0102, RtpHeaders.sequenceNumber(b, 0));
        assertEquals(0x0a0b0c0dL, RtpHeaders.timestamp(b, 0));
        assertEquals(0x01020304L, RtpHeaders.ssrc(b, 0));
        assertEquals(HeaderExtensions.ONE_BYTE_PROFILE, RtpHeaders.extensionProfile(b, 0));
        assertEquals(16, RtpHeaders.extensionBlockOffset(b, 0));
    }

    @Test
    void lengthsAccountForCsrcsExtensionAndPadding() {
        byte[] b = PACKET.clone();
        assertEquals(28, RtpHeaders.headerLength(b, 0, b.length));
        assertEquals(28, RtpHeaders.payloadOffset(b, 0, b.length));
        assertEquals(3, RtpHeaders.payloadLength(b, 0, b.length));
        assertEquals(2, RtpHeaders.paddingLength(b, 0, b.length));
    }

    @Test
    void worksAtAnOffsetInsideALargerBuffer() {
        byte[] b = new byte[PACKET.length + 20];
        System.arraycopy(PACKET, 0, b, 10, PACKET.length);
        assertEquals(28, RtpHeaders.headerLength(b, 10, PACKET.length));
        assertEquals(38, RtpHeaders.payloadOffset(b, 10, PACKET.length));
        assertEquals(3, RtpHeaders.payloadLength(b, 10, PACKET.length));
        assertEquals(0x01020304L, RtpHeaders.ssrc(b, 10));
    }

    @Test
    void settersRewriteInPlaceAndLeaveTheRestAlone() {
        byte[] b = PACKET.clone();
        RtpHeaders.setSsrc(b, 0, 0xfedcba98L);
        RtpHeaders.setSequenceNumber(b, 0, 0x1_0005);
        RtpHeaders.setTimestamp(b, 0, 0x1_2345_6789L);
        RtpHeaders.setPayloadType(b, 0, 111);
        assertTrue(RtpHeaders.marker(b, 0), "setting the payload type keeps the marker");
        RtpHeaders.setMarker(b, 0, false);
        assertEquals(111, RtpHeaders.payloadType(b, 0), "clearing the marker keeps the payload type");

        assertArrayEquals(hex("b1 6f 0005 23456789 fedcba98  0000abcd  bede 0002  10 ff 22 12 34 56 00 00  aa bb cc  00 02"), b);
        var packet = RtpPacket.parse(b).orElseThrow();
        assertEquals(0xfedcba98L, packet.ssrc());
        assertEquals(5, packet.sequenceNumber());
        assertFalse(packet.marker());
        RtpHeaders.setMarker(b, 0, true);
        assertTrue(RtpHeaders.marker(b, 0));
        assertEquals(111, RtpHeaders.payloadType(b, 0));
    }

    @Test
    void malformedHeadersGiveMinusOneAndCount() {
        assertCounted(Malformed.Kind.RTP, () -> RtpHeaders.headerLength(PACKET, 0, 11) == -1);
        assertCounted(Malformed.Kind.RTP, () -> RtpHeaders.payloadOffset(PACKET, 0, 19) == -1);
        assertCounted(Malformed.Kind.RTP, () -> RtpHeaders.payloadLength(PACKET, 0, 23) == -1);
        byte[] version1 = PACKET.clone();
        version1[0] = 0x71;
        assertCounted(Malformed.Kind.RTP, () -> RtpHeaders.headerLength(version1, 0, version1.length) == -1);
        byte[] hugePadding = PACKET.clone();
        hugePadding[hugePadding.length - 1] = 6;
        assertCounted(Malformed.Kind.RTP, () -> RtpHeaders.headerLength(hugePadding, 0, hugePadding.length) == -1);
    }

    @Test
    void argumentsOutsideTheArrayAreProgrammingErrors() {
        assertThrows(IndexOutOfBoundsException.class, () -> RtpHeaders.headerLength(PACKET, 4, PACKET.length));
        assertThrows(IndexOutOfBoundsException.class, () -> RtpHeaders.headerLength(PACKET, -1, 4));
    }

    @Test
    void fuzzHeaderLength() {
        List<byte[]> seeds = List.of(PACKET, hex("80 e0 1234 deadbeef 11223344 616263"),
                hex("90 60 0001 00000002 00000003  1000 0003  01 00 02 01  bb 00 03 04  01020304"));
        Fuzzer.run("RtpHeaders.headerLength", seeds, input -> {
            int header = RtpHeaders.headerLength(input, 0, input.length);
            if (header < 0) {
                return;
            }
            int payload = RtpHeaders.payloadLength(input, 0, input.length);
            if (payload < 0 || header + payload + RtpHeaders.paddingLength(input, 0, input.length) != input.length) {
                throw new AssertionError("lengths do not add up: header " + header + ", payload " + payload);
            }
            for (int id = 0; id <= 255; id++) {
                long located = HeaderExtensions.locate(input, 0, input.length, id);
                if (located >= 0 && (HeaderExtensions.dataOffset(located) < RtpHeaders.FIXED_HEADER_LENGTH
                        || HeaderExtensions.dataOffset(located) + HeaderExtensions.dataLength(located) > header)) {
                    throw new AssertionError("element " + id + " outside the header: " + Long.toHexString(located));
                }
            }
        });
    }
}
