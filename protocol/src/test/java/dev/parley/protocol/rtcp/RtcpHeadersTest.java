package dev.parley.protocol.rtcp;

import static dev.parley.protocol.rtcp.RtcpPacketTest.FIR;
import static dev.parley.protocol.rtcp.RtcpPacketTest.NACK;
import static dev.parley.protocol.rtcp.RtcpPacketTest.PLI;
import static dev.parley.protocol.rtcp.RtcpPacketTest.RR;
import static dev.parley.protocol.rtcp.RtcpPacketTest.SDES;
import static dev.parley.protocol.rtcp.RtcpPacketTest.SR;
import static dev.parley.protocol.rtcp.RtcpPacketTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpHeadersTest {

    @Test
    void walksACompoundWithoutAllocatingPackets() {
        byte[] b = hex(SR + SDES + NACK);
        var types = new ArrayList<Integer>();
        for (int pos = 0; pos < b.length; pos += RtcpHeaders.packetLength(b, pos, b.length - pos)) {
            types.add(RtcpHeaders.packetType(b, pos));
        }
        assertEquals(List.of(200, 202, 205), types);
        assertEquals(0x11223344L, RtcpHeaders.senderSsrc(b, 0));
        assertEquals(1, RtcpHeaders.countOrFormat(b, 52 + 20));
        assertTrue(RtcpHeaders.isFeedback(b, 52 + 20));
        assertFalse(RtcpHeaders.isFeedback(b, 0));
    }

    @Test
    void packetLengthRefusesAndCounts() {
        long before = Malformed.total(Malformed.Kind.RTCP);
        assertEquals(-1, RtcpHeaders.packetLength(hex("80 c9 0002 00000001"), 0, 8));
        assertEquals(-1, RtcpHeaders.packetLength(hex("00 c9 0001 00000001"), 0, 8));
        assertEquals(-1, RtcpHeaders.packetLength(hex("80 c9 00"), 0, 3));
        assertEquals(Malformed.total(Malformed.Kind.RTCP), before + 3);
    }

    @Test
    void rewritesNackAndPliSsrcsInPlace() {
        byte[] b = hex(RR + NACK + PLI);
        assertTrue(RtcpHeaders.rewriteFeedbackSsrcs(b, 8, b.length - 8, 0xaaaaaaaaL, 0xbbbbbbbbL));
        assertTrue(RtcpHeaders.rewriteFeedbackSsrcs(b, 36, b.length - 36, 0xccccccccL, 0xddddddddL));
        assertArrayEquals(hex(RR + "81 cd 0006  aaaaaaaa bbbbbbbb  0064 8011  0075 0000  00c8 0000  ffff 0009"
                + "81 ce 0002  cccccccc dddddddd"), b);
        assertEquals(0xbbbbbbbbL, RtcpHeaders.mediaSsrc(b, 8));
    }

    @Test
    void rewritesFirEntriesAndKeepsItsMediaSsrcZero() {
        byte[] b = hex(FIR);
        assertTrue(RtcpHeaders.rewriteFeedbackSsrcs(b, 0, b.length, 0x10L, 0x20L));
        assertArrayEquals(hex("84 ce 0006  00000010 00000000  00000020 07 000000  00000020 ff 000000"), b);
    }

    @Test
    void leavesOtherPacketsAlone() {
        byte[] rr = hex(RR + RR);
        assertFalse(RtcpHeaders.rewriteFeedbackSsrcs(rr, 0, rr.length, 5, 6));
        assertArrayEquals(hex(RR + RR), rr);
        byte[] truncated = hex(PLI);
        assertFalse(RtcpHeaders.rewriteFeedbackSsrcs(truncated, 0, 8, 5, 6));
        byte[] allPadding = hex("a1 ce 0002 00000001 00000008");
        assertFalse(RtcpHeaders.rewriteFeedbackSsrcs(allPadding, 0, allPadding.length, 5, 6));
        assertArrayEquals(hex(PLI), truncated);
    }
}
