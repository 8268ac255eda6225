package dev.parley.protocol.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ogg pages: CRC, lacing, round trips, and damaged pages refused rather than thrown on. */
class OggPageTest {

    @Test
    void theCrcIsTheUnreflectedOneWithZeroInitAndNoFinalXor() {
        // CRC-32/CKSUM's check value is 0x765E7680; Ogg's is the same without its final inversion.
        assertEquals(0x89A1_897FL, OggPage.crc("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9));
        assertEquals(0, OggPage.crc(new byte[0], 0, 0));
    }

    @Test
    void packetsAreLacedIn255ByteSegmentsEndingShort() {
        assertEquals(1, OggPage.segmentsFor(0));
        assertEquals(1, OggPage.segmentsFor(254));
        assertEquals(2, OggPage.segmentsFor(255), "a multiple of 255 ends with a 0 lacing value");
        assertEquals(3, OggPage.segmentsFor(600));
        byte[] page = OggPage.write(OggPage.BEGINNING, 0, 0x1234, 0, List.of(new byte[255], new byte[3]));
        assertEquals(27 + 3 + 258, page.length);
        assertEquals(3, page[26]);
        assertEquals(255, page[27] & 0xff);
        assertEquals(0, page[28]);
        assertEquals(3, page[29]);
    }

    @Test
    void aPageReadsBackWithItsPacketsGranuleAndFlags() {
        byte[] a = {1, 2, 3};
        byte[] b = new byte[300];
        b[299] = 9;
        byte[] page = OggPage.write(OggPage.END, 48_000L * 3600, 0xCAFEBABEL, 7, List.of(a, b));
        var parsed = OggPage.parse(page, 0, page.length).orElseThrow();
        assertEquals(OggPage.END, parsed.headerType());
        assertEquals(48_000L * 3600, parsed.granule());
        assertEquals(0xCAFEBABEL, parsed.serial());
        assertEquals(7, parsed.sequence());
        assertEquals(2, parsed.packets().size());
        assertArrayEquals(a, parsed.packets().get(0));
        assertArrayEquals(b, parsed.packets().get(1));
        assertEquals(page.length, parsed.length());
    }

    @Test
    void truncatedOrCorruptedPagesAreRefused() {
        byte[] page = OggPage.write(0, 960, 1, 2, List.of(new byte[100]));
        for (int cut = 0; cut < page.length; cut += 7) {
            assertTrue(OggPage.parse(page, 0, cut).isEmpty(), "cut at " + cut);
        }
        page[60] ^= 1;
        assertTrue(OggPage.parse(page, 0, page.length).isEmpty(), "a flipped bit fails the CRC");
    }

    @Test
    void flagsCanBeSetAfterwardsWithANewCrc() {
        byte[] page = OggPage.write(0, 960, 1, 2, List.of(new byte[10]));
        OggPage.setHeaderType(page, 0, page.length, OggPage.END);
        assertEquals(OggPage.END, OggPage.parse(page, 0, page.length).orElseThrow().headerType());
        assertThrows(IllegalArgumentException.class,
                () -> OggPage.write(0, 0, 1, 0, java.util.Collections.nCopies(256, new byte[1])));
    }

    @Test
    void opusHeadersFollowRfc7845() {
        byte[] head = CodecPrivates.opusHead(2, 312, 48000);
        assertEquals("OpusHead", new String(head, 0, 8, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {1, 2, 0x38, 0x01, (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0, 0},
                java.util.Arrays.copyOfRange(head, 8, 19));
        byte[] tags = CodecPrivates.opusTags("parley", List.of("A=b"));
        assertEquals("OpusTags", new String(tags, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(8 + 4 + 6 + 4 + 4 + 3, tags.length);
        byte[] wave = CodecPrivates.waveFormatG711(CodecPrivates.WAVE_FORMAT_MULAW);
        assertEquals(18, wave.length);
        assertEquals(7, wave[0]);
        byte[] avcc = CodecPrivates.avcC(new byte[] {0x67, 0x42, (byte) 0xe0, 0x1f, 1}, new byte[] {0x68, 2});
        assertArrayEquals(new byte[] {1, 0x42, (byte) 0xe0, 0x1f, (byte) 0xff, (byte) 0xe1, 0, 5, 0x67, 0x42,
                (byte) 0xe0, 0x1f, 1, 1, 0, 2, 0x68, 2}, avcc);
    }
}
