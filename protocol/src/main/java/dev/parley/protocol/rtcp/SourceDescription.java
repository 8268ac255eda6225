package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Source description, RFC 3550 §6.5 (PT 202): chunks, each an SSRC and a list of items.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    SC   |  PT=SDES=202  |             length            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                          SSRC/CSRC_1                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   type (1-8)  |    length     | text (length bytes) ...       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ... more items, then a zero type byte, zero-padded to 32 bits |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                          SSRC/CSRC_2 ...                      |
 * </pre>
 *
 * <p>A chunk without its terminating zero byte is malformed. Bytes after the last of SC
 * chunks are ignored.
 */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    public SourceDescription {
        chunks = List.copyOf(chunks);
        Bytes.requireRange("chunk count", chunks.size(), 0, 31);
        Wire.checkPacketLength(RtcpCompound.HEADER + chunks.stream().mapToInt(Chunk::encodedLength).sum());
    }

    /** The usual SDES: one chunk with the CNAME of {@code ssrc}. */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /** One SSRC or CSRC and its items, in order. */
    public record Chunk(long ssrc, List<Item> items) {
        public Chunk {
            Bytes.requireU32("ssrc", ssrc);
            items = List.copyOf(items);
        }

        /** The first CNAME item's text. */
        public Optional<String> cname() {
            return items.stream().filter(item -> item.type() == CNAME).map(Item::text).findFirst();
        }

        /** SSRC, items, the zero terminator and padding to 32 bits. */
        int encodedLength() {
            int length = 4;
            for (Item item : items) {
                length += 2 + item.length();
            }
            return (length + 1 + 3) & ~3;
        }
    }

    /**
     * One item: a type 1..255 (CNAME, NAME, ... PRIV) and its value, at most 255 bytes, kept
     * byte for byte. Values are UTF-8 text (§6.5); a PRIV value holds its prefix length,
     * prefix and string as they are on the wire.
     */
    public record Item(int type, byte[] value) {
        public Item {
            Bytes.requireRange("item type", type, 1, 255);
            Bytes.requireRange("item length", value.length, 0, 255);
            value = value.clone();
        }

        public Item(int type, String text) {
            this(type, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The value decoded as UTF-8 (invalid sequences become U+FFFD). */
        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        int length() {
            return value.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Item other && type == other.type && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Item[type=" + type + ", text=" + text() + "]";
        }
    }

    static Optional<SourceDescription> parseBody(int count, byte[] b, int from, int to) {
        var chunks = new ArrayList<Chunk>(count);
        int pos = from;
        for (int i = 0; i < count; i++) {
            if (to - pos < 4) {
                return Optional.empty();
            }
            long ssrc = Bytes.u32(b, pos);
            var items = new ArrayList<Item>();
            pos += 4;
            while (true) {
                if (pos >= to) {
                    return Optional.empty();
                }
                int type = b[pos] & 0xff;
                if (type == 0) {
                    break;
                }
                if (pos + 2 > to || pos + 2 + (b[pos + 1] & 0xff) > to) {
                    return Optional.empty();
                }
                int length = b[pos + 1] & 0xff;
                items.add(new Item(type, Arrays.copyOfRange(b, pos + 2, pos + 2 + length)));
                pos += 2 + length;
            }
            // Past the terminator, to the next 32-bit boundary of the packet (chunks start aligned).
            pos = from + ((pos + 1 - from + 3) & ~3);
            if (pos > to) {
                return Optional.empty();
            }
            chunks.add(new Chunk(ssrc, items));
        }
        return Optional.of(new SourceDescription(chunks));
    }

    @Override
    public int packetType() {
        return SOURCE_DESCRIPTION;
    }

    @Override
    public int encodedLength() {
        int length = RtcpCompound.HEADER;
        for (Chunk chunk : chunks) {
            length += chunk.encodedLength();
        }
        return length;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, chunks.size(), SOURCE_DESCRIPTION, length);
        int pos = off + RtcpCompound.HEADER;
        for (Chunk chunk : chunks) {
            int end = pos + chunk.encodedLength();
            Bytes.put32(buf, pos, chunk.ssrc());
            pos += 4;
            for (Item item : chunk.items()) {
                buf[pos] = (byte) item.type();
                buf[pos + 1] = (byte) item.length();
                System.arraycopy(item.value, 0, buf, pos + 2, item.length());
                pos += 2 + item.length();
            }
            Arrays.fill(buf, pos, end, (byte) 0);
            pos = end;
        }
        return length;
    }
}
