package dev.parley.protocol.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vints, element sizes and unknown sizes as RFC 8794 §4 and §6 write them. */
class EbmlTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sizesTakeTheFewestBytesAndAllOnesIsReservedForUnknown() {
        assertEquals(1, Ebml.sizeWidth(0));
        assertEquals(1, Ebml.sizeWidth(126));
        assertEquals(2, Ebml.sizeWidth(127), "0xFF would read as unknown");
        assertEquals(2, Ebml.sizeWidth(16382));
        assertEquals(3, Ebml.sizeWidth(16383));
        assertEquals(8, Ebml.sizeWidth((1L << 56) - 2));
        assertThrows(IllegalArgumentException.class, () -> Ebml.sizeWidth((1L << 56) - 1));
        byte[] b = new byte[8];
        Ebml.putSize(b, 0, 1, 1);
        assertEquals("81", HEX.formatHex(b, 0, 1));
        Ebml.putSize(b, 0, 127, 2);
        assertEquals("407f", HEX.formatHex(b, 0, 2));
        Ebml.putSize(b, 0, 5, 8);
        assertEquals("0100000000000005", HEX.formatHex(b));
    }

    @Test
    void sizesAndIdsReadBackAndUnknownIsRecognised() {
        byte[] b = HEX.parseHex("4286" + "01ffffffffffffff" + "ff" + "407f" + "00");
        assertEquals(0x4286, Ebml.readId(b, 0, b.length));
        assertEquals(Ebml.UNKNOWN, Ebml.readSize(b, 2, b.length));
        assertEquals(Ebml.UNKNOWN, Ebml.readSize(b, 10, b.length), "1-byte unknown size");
        assertEquals(127, Ebml.readSize(b, 11, b.length));
        assertEquals(Ebml.INVALID, Ebml.readSize(b, 13, b.length), "0x00 starts no vint");
        assertEquals(Ebml.INVALID, Ebml.readSize(b, 12, 12), "past the end");
        assertEquals(Ebml.INVALID, Ebml.readSize(HEX.parseHex("40"), 0, 1), "cut short");
        assertEquals(4, Ebml.idWidth(MatroskaIds.SEGMENT));
        assertEquals(3, Ebml.idWidth(MatroskaIds.TIMESTAMP_SCALE));
        assertEquals(1, Ebml.idWidth(MatroskaIds.SIMPLE_BLOCK));
    }

    @Test
    void elementsAreIdSizeAndData() {
        var w = new EbmlWriter();
        w.uint(MatroskaIds.TRACK_NUMBER, 1);
        w.uint(MatroskaIds.TIMESTAMP_SCALE, 1_000_000);
        w.string(MatroskaIds.CODEC_ID, "A_OPUS");
        w.float64(MatroskaIds.SAMPLING_FREQUENCY, 48000.0);
        w.sint(0xFB, -1);
        w.uint(MatroskaIds.TRACK_UID, 0);
        assertEquals("d78101" + "2ad7b1830f4240" + "8686415f4f505553" + "b588" + "40e7700000000000" + "fb81ff" + "73c58100",
                HEX.formatHex(w.toByteArray()));
    }

    @Test
    void mastersShrinkTheirSizeFieldOrKeepEightBytes() {
        var w = new EbmlWriter();
        int outer = w.start(MatroskaIds.TRACKS);
        int inner = w.start(MatroskaIds.TRACK_ENTRY);
        w.uint(MatroskaIds.TRACK_NUMBER, 2);
        w.end(inner);
        w.end(outer);
        assertEquals("1654ae6b" + "85" + "ae83d78102", HEX.formatHex(w.toByteArray()));

        var fixed = new EbmlWriter();
        int cluster = fixed.start(MatroskaIds.CLUSTER);
        fixed.uint(MatroskaIds.TIMESTAMP, 0);
        fixed.endFixed(cluster);
        assertEquals("1f43b675" + "0100000000000003" + "e78100", HEX.formatHex(fixed.toByteArray()));

        var unknown = new EbmlWriter();
        unknown.startUnknownSize(MatroskaIds.SEGMENT);
        assertEquals("18538067" + "01ffffffffffffff", HEX.formatHex(unknown.toByteArray()));
    }

    @Test
    void voidElementsFillExactlyTheirSpace() {
        for (int total : new int[] {2, 3, 128, 129, 130, 2000, 16385, 20000}) {
            var w = new EbmlWriter();
            w.voidElement(total);
            byte[] b = w.toByteArray();
            assertEquals(total, b.length, "Void of " + total);
            assertEquals(0xEC, b[0] & 0xff);
            assertEquals(total - 1 - Ebml.vintWidth(b[1]), Ebml.readSize(b, 1, b.length));
        }
        assertThrows(IllegalArgumentException.class, () -> new EbmlWriter().voidElement(1));
    }

    @Test
    void aSimpleBlockCarriesTrackRelativeTimeAndKeyframeFlag() {
        var cluster = new MatroskaCluster();
        cluster.start(1000);
        cluster.add(1, 1020, true, new byte[] {9, 8}, 0, 2);
        cluster.add(2, 990, false, new byte[] {7}, 0, 1);
        assertEquals(false, cluster.fits(1000 + 32768));
        assertEquals(true, cluster.fits(1000 - 32768));
        cluster.finish();
        byte[] b = java.util.Arrays.copyOf(cluster.buffer(), cluster.size());
        assertArrayEquals(HEX.parseHex("1f43b675" + "0100000000000013" + "e78203e8"
                + "a386" + "81" + "0014" + "80" + "0908"
                + "a385" + "82" + "fff6" + "00" + "07"), b);
    }
}
