package dev.parley.protocol.demux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketKindTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    private static PacketKind classify(byte[] b) {
        return PacketKind.classify(b, 0, b.length);
    }

    @Test
    void firstByteRangesFollowRfc7983() {
        for (int first = 0; first < 256; first++) {
            PacketKind expected;
            if (first <= 3) {
                expected = PacketKind.STUN;
            } else if (first >= 20 && first <= 63) {
                expected = PacketKind.DTLS;
            } else if (first >= 128 && first <= 191) {
                expected = PacketKind.RTP;
            } else {
                expected = PacketKind.UNKNOWN;
            }
            assertEquals(expected, classify(new byte[] {(byte) first, 0x60, 0, 0}), "first byte " + first);
        }
    }

    @Test
    void rtcpIsTheSecondByteFrom192To223() {
        for (int second = 0; second < 256; second++) {
            var expected = second >= 192 && second <= 223 ? PacketKind.RTCP : PacketKind.RTP;
            assertEquals(expected, classify(new byte[] {(byte) 0x80, (byte) second}), "second byte " + second);
        }
    }

    @Test
    void realPacketsAreToldApart() {
        assertEquals(PacketKind.STUN, classify(hex("0001 0000 2112a442 000000000000000000000000")));
        assertEquals(PacketKind.DTLS, classify(hex("16 fefd 0000 000000000000 0010")));
        assertEquals(PacketKind.DTLS, classify(hex("17 fefd 0001 000000000001 0010")));
        assertEquals(PacketKind.RTP, classify(hex("80 e0 1234 deadbeef 11223344")), "PT 96 with marker is 224");
        assertEquals(PacketKind.RTP, classify(hex("90 6f 1234 deadbeef 11223344")));
        assertEquals(PacketKind.RTCP, classify(hex("81 c8 000c 11223344")));
        assertEquals(PacketKind.RTCP, classify(hex("81 cd 0003 00000001")));
        assertEquals(PacketKind.RTCP, classify(hex("8f ce 0005 00000001")));
    }

    @Test
    void unknownInputIsCounted() {
        long before = Malformed.total(Malformed.Kind.DEMUX);
        assertEquals(PacketKind.UNKNOWN, classify(new byte[0]));
        assertEquals(PacketKind.UNKNOWN, classify(new byte[] {(byte) 0x80}));
        assertEquals(PacketKind.UNKNOWN, classify(hex("40 00 0000")), "TURN channel data");
        assertEquals(PacketKind.UNKNOWN, classify(hex("10 00 0000")), "ZRTP");
        assertEquals(PacketKind.UNKNOWN, classify(hex("ff")));
        assertEquals(before + 5, Malformed.total(Malformed.Kind.DEMUX));
        assertEquals(PacketKind.STUN, classify(new byte[] {1}));
        assertEquals(before + 5, Malformed.total(Malformed.Kind.DEMUX), "known kinds are not counted");
    }

    @Test
    void looksOnlyInsideTheGivenRange() {
        byte[] b = hex("ff 80 c8 ff");
        assertEquals(PacketKind.RTCP, PacketKind.classify(b, 1, 2));
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(b, 1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> PacketKind.classify(b, 3, 2));
    }

    @Test
    void fuzzClassify() {
        Fuzzer.run("PacketKind.classify", List.of(hex("0001 0000 2112a442"), hex("16 fefd 0000"), hex("80 e0 1234"),
                hex("81 c8 000c")), input -> {
                    PacketKind kind = classify(input);
                    assertTrue(input.length > 0 || kind == PacketKind.UNKNOWN);
                });
    }
}
