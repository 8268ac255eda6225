package dev.parley.protocol.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ogg pages (RFC 3533 §6): how Ogg Opus (RFC 7845) is stored.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * | capture_pattern "OggS"                                        |
 * | version = 0   | header_type   | granule_position (64, LE) ...
 * ...                             | bitstream serial number (LE)
 * ...                             | page sequence number (LE)
 * ...                             | CRC checksum (LE)
 * ...                             | page_segments | segment_table
 * </pre>
 *
 * The segment table laces packets: a packet of n bytes takes n / 255 values of 255 and one of
 * n % 255 (so a multiple of 255 ends with a 0). Parley never splits a packet across pages.
 * The CRC is the one of RFC 3533 §6: polynomial 0x04C11DB7, initial 0, no reflection, over the
 * whole page with the CRC field zeroed.
 *
 * @param headerType   {@link #CONTINUED}, {@link #BEGINNING}, {@link #END} flags
 * @param granule      codec-defined position after the last packet completed on the page (48 kHz samples for Opus)
 * @param packets      the packets completed on this page
 * @param length       the page's bytes on the wire
 */
public record OggPage(int headerType, long granule, long serial, long sequence, List<byte[]> packets, int length) {

    public static final int CONTINUED = 0x01;
    public static final int BEGINNING = 0x02;
    public static final int END = 0x04;
    /** At most 255 lacing values per page. */
    public static final int MAX_SEGMENTS = 255;
    private static final int HEADER = 27;
    private static final int[] CRC_TABLE = crcTable();

    public OggPage {
        packets = List.copyOf(packets);
    }

    /** Lacing values a packet of {@code length} bytes takes. */
    public static int segmentsFor(int length) {
        return length / 255 + 1;
    }

    /** Encodes one page holding {@code packets} whole. */
    public static byte[] write(int headerType, long granule, long serial, long sequence, List<byte[]> packets) {
        int segments = 0;
        int body = 0;
        for (byte[] p : packets) {
            segments += segmentsFor(p.length);
            body += p.length;
        }
        if (segments > MAX_SEGMENTS) {
            throw new IllegalArgumentException(segments + " lacing values do not fit one page");
        }
        byte[] page = new byte[HEADER + segments + body];
        page[0] = 'O';
        page[1] = 'g';
        page[2] = 'g';
        page[3] = 'S';
        page[4] = 0;
        page[5] = (byte) headerType;
        putLe(page, 6, granule, 8);
        putLe(page, 14, serial, 4);
        putLe(page, 18, sequence, 4);
        page[26] = (byte) segments;
        int lacing = HEADER;
        int at = HEADER + segments;
        for (byte[] p : packets) {
            int left = p.length;
            while (left >= 255) {
                page[lacing++] = (byte) 255;
                left -= 255;
            }
            page[lacing++] = (byte) left;
            System.arraycopy(p, 0, page, at, p.length);
            at += p.length;
        }
        putLe(page, 22, crc(page, 0, page.length), 4);
        return page;
    }

    /**
     * Reads the page at {@code off}: empty when it is not a page, is cut short or its CRC is
     * wrong (a page a killed writer left half written). A packet continued on the next page is
     * not returned (Parley's pages never have one).
     */
    public static Optional<OggPage> parse(byte[] b, int off, int end) {
        if (end - off < HEADER || b[off] != 'O' || b[off + 1] != 'g' || b[off + 2] != 'g' || b[off + 3] != 'S'
                || b[off + 4] != 0) {
            return Optional.empty();
        }
        int segments = b[off + 26] & 0xff;
        if (end - off < HEADER + segments) {
            return Optional.empty();
        }
        int body = 0;
        for (int i = 0; i < segments; i++) {
            body += b[off + HEADER + i] & 0xff;
        }
        int length = HEADER + segments + body;
        if (end - off < length) {
            return Optional.empty();
        }
        long stored = getLe(b, off + 22, 4);
        byte[] copy = java.util.Arrays.copyOfRange(b, off, off + length);
        copy[22] = copy[23] = copy[24] = copy[25] = 0;
        if (crc(copy, 0, length) != stored) {
            return Optional.empty();
        }
        var packets = new ArrayList<byte[]>();
        int at = off + HEADER + segments;
        int start = at;
        for (int i = 0; i < segments; i++) {
            int lace = b[off + HEADER + i] & 0xff;
            at += lace;
            if (lace < 255) {
                packets.add(java.util.Arrays.copyOfRange(b, start, at));
                start = at;
            }
        }
        return Optional.of(new OggPage(b[off + 5] & 0xff, getLe(b, off + 6, 8), getLe(b, off + 14, 4),
                getLe(b, off + 18, 4), packets, length));
    }

    /** Sets or clears header flags of an encoded page and recomputes its CRC. */
    public static void setHeaderType(byte[] page, int off, int length, int headerType) {
        page[off + 5] = (byte) headerType;
        page[off + 22] = page[off + 23] = page[off + 24] = page[off + 25] = 0;
        putLe(page, off + 22, crc(page, off, length), 4);
    }

    /** The Ogg CRC-32 of {@code b[off, off + len)}. */
    public static long crc(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b[i]) & 0xff];
        }
        return crc & 0xffff_ffffL;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int j = 0; j < 8; j++) {
                r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }

    static void putLe(byte[] b, int off, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[off + i] = (byte) (value >>> (8 * i));
        }
    }

    static long getLe(byte[] b, int off, int bytes) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = value << 8 | (b[off + i] & 0xff);
        }
        return value;
    }
}
