package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Goodbye, RFC 3550 §6.6 (PT 203): the sources leaving, and optionally why.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    SC   |   PT=BYE=203  |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SSRC/CSRC                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                              ...                              :
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |     length    |               reason for leaving            ... (opt)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The reason is UTF-8 text of at most 255 bytes; a present but empty reason round-trips as
 * such. A received reason that is not valid UTF-8 is decoded with replacement characters.
 */
public record Bye(List<Long> ssrcs, Optional<String> reason) implements RtcpPacket {

    public Bye {
        ssrcs = Wire.requireSsrcs("ssrc", ssrcs, 31);
        reason.ifPresent(text -> Bytes.requireRange("reason length in bytes",
                text.getBytes(StandardCharsets.UTF_8).length, 0, 255));
    }

    public static Bye of(long... ssrcs) {
        var list = new ArrayList<Long>(ssrcs.length);
        for (long ssrc : ssrcs) {
            list.add(ssrc);
        }
        return new Bye(list, Optional.empty());
    }

    static Optional<Bye> parseBody(int count, byte[] b, int from, int to) {
        int reasonAt = from + 4 * count;
        if (reasonAt > to) {
            return Optional.empty();
        }
        var ssrcs = new ArrayList<Long>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, from + 4 * i));
        }
        Optional<String> reason = Optional.empty();
        if (reasonAt < to) {
            int length = b[reasonAt] & 0xff;
            if (reasonAt + 1 + length > to) {
                return Optional.empty();
            }
            // Decoding can only grow invalid bytes into U+FFFD, which re-encodes longer than
            // 255 bytes; cut the text so the record stays valid rather than throwing.
            reason = Optional.of(fitReason(new String(b, reasonAt + 1, length, StandardCharsets.UTF_8)));
        }
        return Optional.of(new Bye(ssrcs, reason));
    }

    private static String fitReason(String text) {
        while (text.getBytes(StandardCharsets.UTF_8).length > 255) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    @Override
    public int packetType() {
        return BYE;
    }

    private int reasonLength() {
        return reason.map(text -> (1 + text.getBytes(StandardCharsets.UTF_8).length + 3) & ~3).orElse(0);
    }

    @Override
    public int encodedLength() {
        return RtcpCompound.HEADER + 4 * ssrcs.size() + reasonLength();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, ssrcs.size(), BYE, length);
        int pos = off + RtcpCompound.HEADER;
        for (long ssrc : ssrcs) {
            Bytes.put32(buf, pos, ssrc);
            pos += 4;
        }
        if (reason.isPresent()) {
            byte[] text = reason.get().getBytes(StandardCharsets.UTF_8);
            buf[pos] = (byte) text.length;
            System.arraycopy(text, 0, buf, pos + 1, text.length);
            Arrays.fill(buf, pos + 1 + text.length, off + length, (byte) 0);
        }
        return length;
    }
}
