package dev.parley.protocol.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtcpPacketTest {

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    static final String SR = "81 c8 000c  11223344  83aa7e80 80000000  00010000  0000000a  000003e8"
            + "  55667788  40 ffffff  00010005  00000020  7e808000  00018000";
    static final String SDES = "81 ca 0004  11223344  01 09 757365724068 6f7374 00";
    static final String RR = "80 c9 0001  00000001";
    static final String PLI = "81 ce 0002  00000001 00000002";
    static final String NACK = "81 cd 0006  00000001 00000002  0064 8011  0075 0000  00c8 0000  ffff 0009";
    static final String FIR = "84 ce 0006  00000001 00000000  00000002 07 000000  00000003 ff 000000";
    static final String REMB = "8f ce 0005  00000001 00000000  52454d42  01 0bd090  00000002";

    static final SenderReport SR_RECORD = new SenderReport(0x11223344L, 0x83aa7e80_80000000L, 0x10000, 10, 1000,
            List.of(new ReportBlock(0x55667788L, 0x40, -1, 0x10005, 0x20, 0x7e808000L, 0x18000)));
    static final Nack NACK_RECORD = new Nack(1, 2, List.of(100, 101, 105, 116, 117, 200, 65535, 0, 3));

    private static List<RtcpPacket> parse(String hex) {
        return RtcpPacket.parseCompound(hex(hex)).orElseThrow();
    }

    private static void assertRefused(String hex) {
        long before = Malformed.total(Malformed.Kind.RTCP);
        assertEquals(Optional.empty(), RtcpPacket.parseCompound(hex(hex)), hex);
        assertTrue(Malformed.total(Malformed.Kind.RTCP) > before, "refusal was not counted");
    }

    /** The packet must encode to exactly {@code hex} and parse from it to itself. */
    private static void assertWire(RtcpPacket packet, String hex) {
        assertArrayEquals(hex(hex), packet.encode(), packet.toString());
        assertEquals(List.of(packet), parse(hex));
    }

    @Test
    void senderReportMatchesTheRfc3550Layout() {
        assertWire(SR_RECORD, SR);
        assertEquals(-1, SR_RECORD.reports().getFirst().cumulativeLost());
    }

    @Test
    void receiverReportWithBlocks() {
        var rr = new ReceiverReport(7, List.of(new ReportBlock(1, 0, 0x7fffff, 0xffffffffL, 0, 0, 0),
                new ReportBlock(2, 255, -0x800000, 0, 0xffffffffL, 0xffffffffL, 0xffffffffL)));
        assertWire(rr, "82 c9 000d  00000007"
                + "  00000001 00 7fffff ffffffff 00000000 00000000 00000000"
                + "  00000002 ff 800000 00000000 ffffffff ffffffff ffffffff");
        assertWire(new ReceiverReport(1, List.of()), RR);
    }

    @Test
    void sourceDescriptionPadsEachChunk() {
        assertWire(SourceDescription.cname(0x11223344L, "user@host"), SDES);
        // A 10-byte CNAME leaves no room for the terminator in 16 bytes, so the chunk takes 20.
        var two = new SourceDescription(List.of(
                new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(SourceDescription.CNAME, "0123456789"))),
                new SourceDescription.Chunk(2, List.of(new SourceDescription.Item(SourceDescription.CNAME, "ab"),
                        new SourceDescription.Item(SourceDescription.TOOL, "parley"))),
                new SourceDescription.Chunk(3, List.of())));
        assertWire(two, "83 ca 000c  00000001 010a 30313233343536373839 00000000"
                + "  00000002 0102 6162 0606 7061726c6579 00000000  00000003 00000000");
        assertEquals(Optional.of("0123456789"), two.chunks().getFirst().cname());
        assertEquals(Optional.empty(), two.chunks().get(2).cname());
    }

    @Test
    void byeWithAndWithoutReason() {
        assertWire(Bye.of(0x11223344L), "81 cb 0001  11223344");
        assertWire(new Bye(List.of(0x11223344L), Optional.of("bye")), "81 cb 0002  11223344  03 627965");
        assertWire(new Bye(List.of(1L, 2L), Optional.of("gone")), "82 cb 0004  00000001 00000002  04 676f6e65 000000");
        assertWire(new Bye(List.of(1L), Optional.of("")), "81 cb 0002  00000001  00 000000");
    }

    @Test
    void nackBuildsPidBlpPairs() {
        // 100 with 101, 105 and 116 in its mask; 117 is 17 away; 200 alone; 65535 with 0 and 3 across the wrap.
        assertWire(NACK_RECORD, NACK);
        assertEquals(4, NACK_RECORD.pairCount());
        var single = new Nack(5, 6, List.of(1000));
        assertWire(single, "81 cd 0003  00000005 00000006  03e8 0000");
        var full = new Nack(5, 6, java.util.stream.IntStream.rangeClosed(10, 26).boxed().toList());
        assertWire(full, "81 cd 0003  00000005 00000006  000a ffff");
    }

    @Test
    void nackExpandsPairsInWireOrder() {
        var nack = (Nack) parse("81 cd 0004  00000001 00000002  0064 0002  0065 0000").getFirst();
        assertEquals(List.of(100, 102, 101), nack.lostSequenceNumbers());
        // Re-encoding packs 101 into the first pair's mask.
        assertArrayEquals(hex("81 cd 0003  00000001 00000002  0064 0003"), nack.encode());
    }

    @Test
    void pictureLossIndication() {
        assertWire(new PictureLossIndication(1, 2), PLI);
    }

    @Test
    void fullIntraRequestEntries() {
        var fir = new FullIntraRequest(1, 0, List.of(new FullIntraRequest.Entry(2, 7), new FullIntraRequest.Entry(3, 255)));
        assertWire(fir, FIR);
        assertWire(FullIntraRequest.of(1, 2, 7), "84 ce 0004  00000001 00000000  00000002 07 000000");
    }

    @Test
    void rembBitrateIsMantissaAndExponent() {
        // 1,000,000 bps = 250,000 * 2^2: exponent 2, mantissa 0x3d090.
        assertWire(new Remb(1, 1_000_000, List.of(2L)), REMB);
        assertEquals(1_000_000, Remb.representable(1_000_000));
        assertEquals(0x3ffffL << 45, Remb.representable(Long.MAX_VALUE));
        var rounded = new Remb(1, 1_000_003, List.of());
        assertEquals(1_000_000, ((Remb) RtcpPacket.parseCompound(rounded.encode()).orElseThrow().getFirst()).bitrate());
        // The largest exponent overflows a long: saturate rather than wrap.
        var huge = (Remb) parse("8f ce 0004  00000001 00000000  52454d42  00 ffffff").getFirst();
        assertEquals(Long.MAX_VALUE, huge.bitrate());
    }

    @Test
    void transportCcIsKeptRawAndPaddedBack() {
        var tcc = new TransportCc(1, 2, hex("0001 0002 200000 01 d5 00"));
        String wire = "af cd 0005  00000001 00000002  0001 0002 200000 01 d500 0002";
        assertWire(tcc, wire);
    }

    @Test
    void unknownTypesAreKept() {
        var app = new Unknown(RtcpPacket.APP, 1, hex("11223344 54455354 deadbeef"));
        assertWire(app, "81 cc 0003  11223344 54455354 deadbeef");
        assertWire(new Unknown(RtcpPacket.EXTENDED_REPORT, 0, hex("11223344 04000002 83aa7e80 80000000")),
                "80 cf 0004  11223344 04000002 83aa7e80 80000000");
        assertWire(new Unknown(RtcpPacket.RTPFB, 3, hex("00000001 00000000 00000002 04000c10")),
                "83 cd 0004  00000001 00000000 00000002 04000c10");
        assertWire(new Unknown(RtcpPacket.PSFB, 15, hex("00000001 00000000 41424344")),
                "8f ce 0003  00000001 00000000 41424344");
        assertWire(new Unknown(250, 31, hex("0102")), "bf fa 0001  0102 0002");
    }

    @Test
    void compoundSenderReportAndSdes() {
        var packets = parse(SR + SDES);
        assertEquals(List.of(SR_RECORD, SourceDescription.cname(0x11223344L, "user@host")), packets);
        assertArrayEquals(hex(SR + SDES), RtcpPacket.encodeCompound(packets));
    }

    @Test
    void compoundReceiverReportAndPli() {
        var packets = parse(RR + PLI);
        assertEquals(List.of(new ReceiverReport(1, List.of()), new PictureLossIndication(1, 2)), packets);
        byte[] buf = new byte[100];
        assertEquals(20, RtcpPacket.writeCompound(packets, buf, 7));
        assertArrayEquals(hex(RR + PLI), java.util.Arrays.copyOfRange(buf, 7, 27));
        assertEquals(packets, RtcpPacket.parseCompound(buf, 7, 20).orElseThrow());
    }

    @Test
    void compoundWithFeedbackOfEveryKind() {
        String wire = RR + NACK + FIR + REMB + PLI + "81 cc 0002 11223344 54455354";
        var packets = parse(wire);
        assertEquals(6, packets.size());
        assertEquals(NACK_RECORD, packets.get(1));
        assertTrue(packets.get(2) instanceof FullIntraRequest);
        assertTrue(packets.get(3) instanceof Remb);
        assertTrue(packets.get(5) instanceof Unknown);
        assertArrayEquals(hex(wire), RtcpPacket.encodeCompound(packets));
    }

    @Test
    void paddingOnTheLastPacketIsRemoved() {
        var packets = parse(RR + "a0 c9 0002  00000001  00000004");
        assertEquals(List.of(new ReceiverReport(1, List.of()), new ReceiverReport(1, List.of())), packets);
    }

    @Test
    void brokenCompoundsAreRefusedWhole() {
        assertRefused("");
        assertRefused(RR + "40 c9 0001 00000001");  // version 1
        assertRefused(RR + "80 c9 0002 00000001");  // length past the end
        assertRefused(RR + "80 c9");  // trailing bytes
        assertRefused("a0 c9 0002 00000001 00000000");  // padding count 0
        assertRefused("a0 c9 0001 00000005");  // padding longer than the body
    }

    @Test
    void malformedKnownTypesAreRefused() {
        assertRefused("82 c8 000c" + SR.substring(10));  // RC 2, one block
        assertRefused("81 c9 0001 00000001");  // RR: RC 1, no block
        assertRefused("81 cd 0002 00000001 00000002");  // NACK without FCI
        assertRefused("a1 cd 0004 00000001 00000002 0064 0000 0102 0002");  // NACK FCI not whole pairs
        assertRefused("81 ce 0001 00000001");  // PLI without media SSRC
        assertRefused("84 ce 0003 00000001 00000000 00000002");  // FIR half an entry
        assertRefused("84 ce 0002 00000001 00000000");  // FIR without entries
        assertRefused("8f ce 0004 00000001 00000000 52454d42 02 0bd090");  // REMB lists 2 SSRCs, has none
        assertRefused("81 ca 0002 11223344 01 02 6162");  // SDES item without terminator
        assertRefused("81 ca 0002 11223344 01 05 6162");  // SDES item past the end
        assertRefused("82 ca 0002 11223344 00 000000");  // SDES second chunk missing
        assertRefused("82 cb 0001 11223344");  // BYE SC 2, one SSRC
        assertRefused("81 cb 0002 11223344 05 627965");  // BYE reason past the end
        assertRefused("8f cd 0001 00000001");  // transport-cc without media SSRC
    }

    @Test
    void constructorsRejectWhatCannotBeEncoded() {
        assertThrows(IllegalArgumentException.class, () -> new Nack(1, 2, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Nack(1, 2, List.of(65536)));
        assertThrows(IllegalArgumentException.class, () -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverReport(1L << 32, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverReport(1,
                java.util.Collections.nCopies(32, new ReportBlock(1, 0, 0, 0, 0, 0, 0))));
        assertThrows(IllegalArgumentException.class, () -> new Bye(List.of(1L), Optional.of("x".repeat(256))));
        assertThrows(IllegalArgumentException.class, () -> new FullIntraRequest(1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Remb(1, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SourceDescription.Item(0, "x"));
    }

    static List<byte[]> seeds() {
        return List.of(hex(SR + SDES), hex(RR + PLI), hex(NACK), hex(FIR), hex(REMB),
                hex("af cd 0005  00000001 00000002  0001 0002 200000 01 d500 0002"),
                hex("82 cb 0004  00000001 00000002  04 676f6e65 000000" + "81 cc 0003  11223344 54455354 deadbeef"),
                hex("83 ca 000c  00000001 010a 30313233343536373839 00000000"
                        + "  00000002 0102 6162 0606 7061726c6579 00000000  00000003 00000000"));
    }

    @Test
    void fuzzParseCompound() {
        var parsed = new java.util.concurrent.atomic.AtomicLong();
        Fuzzer.run("RtcpPacket.parseCompound", seeds(), input -> RtcpPacket.parseCompound(input).ifPresent(packets -> {
            parsed.incrementAndGet();
            // Encoding may normalize (NACK pairs, padding, dropped SR extensions), but once
            // encoded, a packet must survive parse and encode unchanged.
            byte[] once = RtcpPacket.encodeCompound(packets);
            byte[] twice = RtcpPacket.encodeCompound(RtcpPacket.parseCompound(once).orElseThrow());
            if (!java.util.Arrays.equals(once, twice)) {
                throw new AssertionError("re-encoding changed " + packets);
            }
            int pos = 0;
            while (pos < input.length) {
                pos += RtcpHeaders.packetLength(input, pos, input.length - pos);
            }
        }));
        assertTrue(parsed.get() > 0, "no mutation parsed, so re-encoding was never checked");
    }
}
