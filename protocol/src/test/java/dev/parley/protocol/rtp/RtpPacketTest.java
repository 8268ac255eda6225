package dev.parley.protocol.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    /** Runs {@code refused}, which must be refused, and checks that it bumped the RTP counter. */
    static void assertCounted(Malformed.Kind kind, Supplier<Boolean> refused) {
        long before = Malformed.total(kind);
        assertTrue(refused.get(), "input was accepted");
        assertTrue(Malformed.total(kind) > before, "refusal was not counted");
    }

    @Test
    void fixedHeaderMatchesTheRfc3550Layout() {
        var packet = RtpPacket.of(true, 96, 0x1234, 0xdeadbeefL, 0x11223344L, new byte[] {'a', 'b', 'c'});
        // V=2 P=0 X=0 CC=0 | M=1 PT=96 | seq | timestamp | SSRC | payload
        assertArrayEquals(hex("80 e0 1234 deadbeef 11223344 616263"), packet.encode());
    }

    @Test
    void csrcsAndPaddingAreWrittenAndReadBack() {
        byte[] wire = hex("a2 08 ffff 00000001 cafebabe 00000010 00000020 0102 000003");
        var packet = RtpPacket.parse(wire).orElseThrow();
        assertFalse(packet.marker());
        assertEquals(8, packet.payloadType());
        assertEquals(0xffff, packet.sequenceNumber());
        assertEquals(1, packet.timestamp());
        assertEquals(0xcafebabeL, packet.ssrc());
        assertEquals(List.of(0x10L, 0x20L), packet.csrcs());
        assertArrayEquals(new byte[] {1, 2}, packet.payload());
        assertEquals(3, packet.paddingLength());
        assertTrue(packet.padding());
        assertArrayEquals(wire, packet.encode());
    }

    @Test
    void rfc8285OneByteExampleParses() {
        // RFC 8285 §4.2 figure: L=0 with one byte, L=1 with two, two padding bytes, L=3 with four.
        byte[] wire = hex("90 60 0001 00000002 00000003  bede 0003  10 aa 21 bb  cc 00 00 33  01020304  ff");
        var packet = RtpPacket.parse(wire).orElseThrow();
        var block = (ExtensionBlock.OneByte) packet.extensions();
        assertEquals(List.of(new HeaderExtension(1, hex("aa")), new HeaderExtension(2, hex("bbcc")),
                new HeaderExtension(3, hex("01020304"))), block.elements());
        assertArrayEquals(hex("ff"), packet.payload());
        // Re-encoding packs the elements and moves the padding to the end of the block.
        assertArrayEquals(hex("90 60 0001 00000002 00000003  bede 0003  10 aa 21 bb  cc 33 01 02  03 04 00 00  ff"),
                packet.encode());
        assertEquals(packet, RtpPacket.parse(packet.encode()).orElseThrow());
    }

    @Test
    void rfc8285TwoByteExampleParses() {
        // RFC 8285 §4.3 figure: L=0 without data, L=1 with one byte, a padding byte, L=4 with four.
        byte[] wire = hex("90 60 0001 00000002 00000003  1000 0003  01 00 02 01  bb 00 03 04  01020304");
        var packet = RtpPacket.parse(wire).orElseThrow();
        var block = (ExtensionBlock.TwoByte) packet.extensions();
        assertEquals(0, block.appBits());
        assertEquals(List.of(new HeaderExtension(1, new byte[0]), new HeaderExtension(2, hex("bb")),
                new HeaderExtension(3, hex("01020304"))), block.elements());
        assertEquals(0, packet.payloadLength());
        assertEquals(packet, RtpPacket.parse(packet.encode()).orElseThrow());
    }

    @Test
    void oneByteIdFifteenEndsTheElementList() {
        byte[] wire = hex("90 60 0001 00000002 00000003  bede 0001  10 aa f0 22");
        var packet = RtpPacket.parse(wire).orElseThrow();
        assertEquals(List.of(new HeaderExtension(1, hex("aa"))), packet.extensions().elements());
    }

    @Test
    void otherExtensionProfilesAreKeptOpaque() {
        byte[] wire = hex("90 60 0001 00000002 00000003  abcd 0002  01020304 05060708  99");
        var packet = RtpPacket.parse(wire).orElseThrow();
        assertEquals(new ExtensionBlock.Opaque(0xabcd, hex("0102030405060708")), packet.extensions());
        assertArrayEquals(wire, packet.encode());
    }

    @Test
    void emptyExtensionBlockIsValid() {
        byte[] wire = hex("90 60 0001 00000002 00000003  bede 0000  77");
        var packet = RtpPacket.parse(wire).orElseThrow();
        assertEquals(new ExtensionBlock.OneByte(List.of()), packet.extensions());
        assertArrayEquals(wire, packet.encode());
    }

    @Test
    void everyShapeRoundTrips() {
        var oneByte = new ExtensionBlock.OneByte(List.of(new AudioLevel(true, 30).toExtension(1),
                AbsSendTime.toExtension(3, 0x123456), SdesMid.toExtension(4, "video0")));
        var twoByte = new ExtensionBlock.TwoByte(5, List.of(new HeaderExtension(200, new byte[40]),
                new HeaderExtension(2, new byte[0])));
        var opaque = new ExtensionBlock.Opaque(0x0001, new byte[12]);
        for (ExtensionBlock block : List.of(ExtensionBlock.NONE, oneByte, twoByte, opaque)) {
            for (int padding : new int[] {0, 1, 4, 255}) {
                var packet = new RtpPacket(padding % 2 == 0, 111, 65535, 0xffffffffL, 0, List.of(1L, 0xffffffffL),
                        block, new byte[] {9, 8, 7, 6, 5}, padding);
                byte[] wire = packet.encode();
                assertEquals(packet.encodedLength(), wire.length);
                assertEquals(packet, RtpPacket.parse(wire).orElseThrow(), block + " padding " + padding);
                byte[] shifted = new byte[wire.length + 7];
                assertEquals(wire.length, packet.writeTo(shifted, 3));
                assertEquals(packet, RtpPacket.parse(shifted, 3, wire.length).orElseThrow());
            }
        }
    }

    @Test
    void extensionBlockOfChoosesTheForm() {
        assertEquals(ExtensionBlock.NONE, ExtensionBlock.of(List.of()));
        assertTrue(ExtensionBlock.of(List.of(new HeaderExtension(14, new byte[16]))) instanceof ExtensionBlock.OneByte);
        assertTrue(ExtensionBlock.of(List.of(new HeaderExtension(1, new byte[1]), new HeaderExtension(15, new byte[1])))
                instanceof ExtensionBlock.TwoByte);
        assertTrue(ExtensionBlock.of(List.of(new HeaderExtension(1, new byte[17]))) instanceof ExtensionBlock.TwoByte);
        assertTrue(ExtensionBlock.of(List.of(new HeaderExtension(1, new byte[0]))) instanceof ExtensionBlock.TwoByte);
    }

    @Test
    void constructorsRejectValuesThatDoNotFitTheWire() {
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.of(false, 128, 0, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.of(false, 0, 65536, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.of(false, 0, 0, 1L << 32, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.of(false, 0, 0, 0, -1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 0, 0, 0, 0,
                java.util.Collections.nCopies(16, 1L), ExtensionBlock.NONE, new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new HeaderExtension(0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new HeaderExtension(1, new byte[256]));
        assertThrows(IllegalArgumentException.class,
                () -> new ExtensionBlock.OneByte(List.of(new HeaderExtension(15, new byte[1]))));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionBlock.Opaque(1, new byte[3]));
    }

    @Test
    void recordsDoNotShareTheirArrays() {
        byte[] payload = {1, 2, 3};
        var packet = RtpPacket.of(false, 0, 0, 0, 0, payload);
        payload[0] = 9;
        packet.payload()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, packet.payload());
    }

    @Test
    void truncatedHeadersAreRefusedAndCounted() {
        byte[] wire = hex("92 60 0001 00000002 00000003  00000004 00000005  bede 0001  10 aa 00 00  0102");
        int header = wire.length - 2;
        for (int length = 0; length < header; length++) {
            int len = length;
            assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(wire, 0, len).isEmpty());
        }
        assertTrue(RtpPacket.parse(wire, 0, header).isPresent());
    }

    @Test
    void badVersionIsRefused() {
        for (String first : new String[] {"00", "40", "c0"}) {
            byte[] wire = hex(first + "60 0001 00000002 00000003 aa");
            assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(wire).isEmpty());
        }
    }

    @Test
    void csrcCountPastTheEndIsRefused() {
        byte[] wire = hex("8f 60 0001 00000002 00000003  00000004 00000005");
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(wire).isEmpty());
    }

    @Test
    void extensionLengthPastTheEndIsRefused() {
        byte[] wire = hex("90 60 0001 00000002 00000003  bede 0002  10 aa 00 00");
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(wire).isEmpty());
    }

    @Test
    void extensionElementPastItsBlockIsRefused() {
        // The block fits the packet, but its element claims 16 bytes inside a 4-byte block.
        byte[] wire = hex("90 60 0001 00000002 00000003  bede 0001  1f aa 00 00  0102030405060708090a0b0c0d0e0f10");
        assertTrue(RtpHeaders.headerLength(wire, 0, wire.length) > 0);
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(wire).isEmpty());
        byte[] twoByte = hex("90 60 0001 00000002 00000003  1000 0001  01 05 aa bb  0102030405060708");
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(twoByte).isEmpty());
        byte[] lonelyId = hex("90 60 0001 00000002 00000003  1000 0001  01 00 00 07");
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(lonelyId).isEmpty());
    }

    @Test
    void badPaddingIsRefused() {
        byte[] zeroCount = hex("a0 60 0001 00000002 00000003  aa bb 00");
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(zeroCount).isEmpty());
        byte[] tooMuch = hex("a0 60 0001 00000002 00000003  aa bb 04");
        assertCounted(Malformed.Kind.RTP, () -> RtpPacket.parse(tooMuch).isEmpty());
        byte[] allPadding = hex("a0 60 0001 00000002 00000003  00 00 03");
        assertEquals(0, RtpPacket.parse(allPadding).orElseThrow().payloadLength());
    }

    static List<byte[]> seeds() {
        return List.of(
                hex("80 e0 1234 deadbeef 11223344 616263"),
                hex("a2 08 ffff 00000001 cafebabe 00000010 00000020 0102 000003"),
                hex("90 60 0001 00000002 00000003  bede 0003  10 aa 21 bb  cc 00 00 33  01020304  ff"),
                hex("90 60 0001 00000002 00000003  1000 0003  01 00 02 01  bb 00 03 04  01020304"),
                hex("90 60 0001 00000002 00000003  abcd 0002  01020304 05060708  99"),
                hex("b1 e0 0001 00000002 00000003  00000009  bede 0002  10 ff 22 12 34 56 00 00  00 01 00 00 00 02"));
    }

    @Test
    void fuzzParse() {
        var parsed = new java.util.concurrent.atomic.AtomicLong();
        Fuzzer.run("RtpPacket.parse", seeds(), input -> RtpPacket.parse(input).ifPresent(packet -> {
            parsed.incrementAndGet();
            // Whatever parses must encode and parse back to the same packet.
            byte[] encoded = packet.encode();
            if (!packet.equals(RtpPacket.parse(encoded).orElseThrow())) {
                throw new AssertionError("round trip changed " + packet);
            }
            if (RtpHeaders.payloadLength(input, 0, input.length) != packet.payloadLength()) {
                throw new AssertionError("RtpHeaders disagrees on the payload length");
            }
        }));
        assertTrue(parsed.get() > 0, "no mutation parsed, so the round trip was never checked");
    }
}
