package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.Optional;

/**
 * Picture loss indication, RFC 4585 §6.3.1 (PSFB, FMT 1): asks the media sender for a key
 * frame. No FCI; the header is that of every feedback packet ({@link RtcpHeaders}).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=1   |   PT=PSFB     |          length=2             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Bytes after the media SSRC are ignored.
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {

    public static final int FMT = 1;
    private static final int LENGTH = 12;

    public PictureLossIndication {
        Bytes.requireU32("sender ssrc", senderSsrc);
        Bytes.requireU32("media ssrc", mediaSsrc);
    }

    static Optional<PictureLossIndication> parseBody(byte[] b, int from, int to) {
        if (to - from < 8) {
            return Optional.empty();
        }
        return Optional.of(new PictureLossIndication(Bytes.u32(b, from), Bytes.u32(b, from + 4)));
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        Wire.header(buf, off, FMT, PSFB, LENGTH);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        return LENGTH;
    }
}
