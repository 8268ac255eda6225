package dev.parley.protocol.rtp;

import static dev.parley.protocol.rtp.RtpPacketTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderExtensionsTest {

    /** RFC 8285 §4.2 example block after a 12-byte header: elements 1 (1 byte), 2 (2 bytes), 3 (4 bytes). */
    private static final byte[] ONE_BYTE = hex("90 60 0001 00000002 00000003  bede 0003  10 aa 21 bb  cc 00 00 33  01020304  ff");
    /** RFC 8285 §4.3 example block: elements 1 (empty), 2 (1 byte), 3 (4 bytes). */
    private static final byte[] TWO_BYTE = hex("90 60 0001 00000002 00000003  1000 0003  01 00 02 01  bb 00 03 04  01020304");

    @Test
    void findsOneByteElementsInTheRfcExample() {
        assertEquals(17, HeaderExtensions.findExtension(ONE_BYTE, 0, ONE_BYTE.length, 1));
        assertEquals(19, HeaderExtensions.findExtension(ONE_BYTE, 0, ONE_BYTE.length, 2));
        long third = HeaderExtensions.locate(ONE_BYTE, 0, ONE_BYTE.length, 3);
        assertEquals(24, HeaderExtensions.dataOffset(third));
        assertEquals(4, HeaderExtensions.dataLength(third));
        assertEquals(-1, HeaderExtensions.findExtension(ONE_BYTE, 0, ONE_BYTE.length, 4));
    }

    @Test
    void findsTwoByteElementsInTheRfcExample() {
        long first = HeaderExtensions.locate(TWO_BYTE, 0, TWO_BYTE.length, 1);
        assertEquals(18, HeaderExtensions.dataOffset(first));
        assertEquals(0, HeaderExtensions.dataLength(first));
        assertEquals(20, HeaderExtensions.findExtension(TWO_BYTE, 0, TWO_BYTE.length, 2));
        long third = HeaderExtensions.locate(TWO_BYTE, 0, TWO_BYTE.length, 3);
        assertEquals(24, HeaderExtensions.dataOffset(third));
        assertEquals(4, HeaderExtensions.dataLength(third));
    }

    @Test
    void findsAtAnOffset() {
        byte[] b = new byte[ONE_BYTE.length + 100];
        System.arraycopy(ONE_BYTE, 0, b, 50, ONE_BYTE.length);
        assertEquals(50 + 24, HeaderExtensions.findExtension(b, 50, ONE_BYTE.length, 3));
    }

    @Test
    void nothingIsFoundWithoutRfc8285Elements() {
        byte[] plain = hex("80 60 0001 00000002 00000003 aabb");
        assertEquals(-1, HeaderExtensions.findExtension(plain, 0, plain.length, 1));
        byte[] opaque = hex("90 60 0001 00000002 00000003  abcd 0001  10 aa 00 00");
        assertEquals(-1, HeaderExtensions.findExtension(opaque, 0, opaque.length, 1));
        byte[] idFifteen = hex("90 60 0001 00000002 00000003  bede 0001  f0 10 aa 00");
        assertEquals(-1, HeaderExtensions.findExtension(idFifteen, 0, idFifteen.length, 1));
        byte[] broken = hex("90 60 0001 00000002 00000003  bede 0001  10 aa 3f 00");
        assertEquals(17, HeaderExtensions.findExtension(broken, 0, broken.length, 1), "elements before the break");
        assertEquals(-1, HeaderExtensions.findExtension(broken, 0, broken.length, 3));
        assertEquals(-1, HeaderExtensions.findExtension(ONE_BYTE, 0, 20, 1), "truncated packet");
    }

    @Test
    void twoByteProfileCarriesAppBits() {
        byte[] wire = hex("90 60 0001 00000002 00000003  100a 0001  07 01 5a 00");
        assertEquals(18, HeaderExtensions.findExtension(wire, 0, wire.length, 7));
        var block = (ExtensionBlock.TwoByte) RtpPacket.parse(wire).orElseThrow().extensions();
        assertEquals(10, block.appBits());
        assertArrayEquals(wire, RtpPacket.parse(wire).orElseThrow().encode());
    }

    @Test
    void rewritesAnElementInPlaceOnlyAtTheSameLength() {
        byte[] b = ONE_BYTE.clone();
        assertTrue(HeaderExtensions.rewrite(b, 0, b.length, 2, new byte[] {0x11, 0x22}));
        assertArrayEquals(hex("90 60 0001 00000002 00000003  bede 0003  10 aa 21 11  22 00 00 33  01020304  ff"), b);
        assertFalse(HeaderExtensions.rewrite(b, 0, b.length, 2, new byte[] {1, 2, 3}));
        assertFalse(HeaderExtensions.rewrite(b, 0, b.length, 9, new byte[] {1}));
        assertArrayEquals(hex("90 60 0001 00000002 00000003  bede 0003  10 aa 21 11  22 00 00 33  01020304  ff"), b);
    }

    @Test
    void audioLevelFollowsRfc6464() {
        // RFC 6464 §3, one-byte form: ID, len=0, then V and the level in -dBov.
        byte[] wire = hex("90 60 0001 00000002 00000003  bede 0001  10 aa 00 00");
        int at = HeaderExtensions.findExtension(wire, 0, wire.length, 1);
        assertTrue(AudioLevel.voiceActivity(wire, at));
        assertEquals(42, AudioLevel.level(wire, at));
        assertEquals(new AudioLevel(true, 42), AudioLevel.read(wire, at));
        AudioLevel.write(wire, at, false, AudioLevel.SILENCE);
        assertEquals((byte) 0x7f, wire[at]);
        assertEquals(new HeaderExtension(1, hex("aa")), new AudioLevel(true, 42).toExtension(1));
        // Two-byte form: ID, len=1, the same byte.
        byte[] twoByte = hex("90 60 0001 00000002 00000003  1000 0001  01 01 85 00");
        assertEquals(new AudioLevel(true, 5), AudioLevel.read(twoByte, HeaderExtensions.findExtension(twoByte, 0, twoByte.length, 1)));
        assertThrows(IllegalArgumentException.class, () -> new AudioLevel(false, 128));
    }

    @Test
    void absSendTimeIsSixPointEighteenSeconds() {
        long ntp = 0x83aa7e83_80000000L;  // some second whose low 6 bits are 3, plus 0.5 s
        assertEquals(3 << 18 | 1 << 17, AbsSendTime.fromNtp(ntp));
        assertEquals(0x060000, AbsSendTime.fromMicros(1_500_000));
        assertEquals(0x060000, AbsSendTime.fromMicros(65_500_000), "wraps every 64 s");
        assertEquals(1_500_000, AbsSendTime.toMicros(0x060000));
        byte[] data = AbsSendTime.toExtension(3, 0x123456).data();
        assertArrayEquals(hex("123456"), data);
        assertEquals(0x123456, AbsSendTime.read(data, 0));
        AbsSendTime.write(data, 0, 0x7abcdef);
        assertArrayEquals(hex("abcdef"), data);
    }

    @Test
    void transportSequenceNumberIsSixteenBits() {
        byte[] wire = new RtpPacket(false, 96, 1, 2, 3, List.of(),
                new ExtensionBlock.OneByte(List.of(TransportSequenceNumber.toExtension(5, 0xbeef))), new byte[0], 0).encode();
        int at = HeaderExtensions.findExtension(wire, 0, wire.length, 5);
        assertEquals(0xbeef, TransportSequenceNumber.read(wire, at));
        TransportSequenceNumber.write(wire, at, 0x1_0002);
        assertEquals(2, TransportSequenceNumber.read(wire, at));
        assertArrayEquals(hex("bede 0001 51 0002 00"), java.util.Arrays.copyOfRange(wire, 12, 20));
    }

    @Test
    void midIsAShortString() {
        byte[] wire = new RtpPacket(false, 96, 1, 2, 3, List.of(),
                new ExtensionBlock.OneByte(List.of(SdesMid.toExtension(4, "audio"))), new byte[0], 0).encode();
        long located = HeaderExtensions.locate(wire, 0, wire.length, 4);
        int at = HeaderExtensions.dataOffset(located);
        int length = HeaderExtensions.dataLength(located);
        assertEquals("audio", SdesMid.read(wire, at, length));
        assertTrue(SdesMid.matches(wire, at, length, "audio".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(SdesMid.matches(wire, at, length, "audi".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(hex("bede 0002 44 617564696f 0000"), java.util.Arrays.copyOfRange(wire, 12, 24));
        assertThrows(IllegalArgumentException.class, () -> SdesMid.encode(""));
    }
}
