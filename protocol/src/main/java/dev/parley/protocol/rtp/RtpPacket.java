package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import dev.parley.protocol.Malformed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RTP packet (RFC 3550 §5.1; the header diagram is on {@link RtpHeaders}), version 2.
 * This is the convenient, allocating form for building and inspecting packets off the hot
 * path; forwarding code works on raw bytes with {@link RtpHeaders} and {@link HeaderExtensions}.
 *
 * <p>{@code paddingLength} is the number of padding bytes at the end (0..255, counting the
 * last byte, which holds the count); 0 means the P bit is clear. Encoding writes zeros and
 * the count. Arrays are copied in and out, so the record is immutable.
 *
 * @param marker         the M bit
 * @param payloadType    0..127
 * @param sequenceNumber 0..65535
 * @param timestamp      0..2^32-1
 * @param ssrc           0..2^32-1
 * @param csrcs          at most 15, each 0..2^32-1
 * @param extensions     the header extension block, {@link ExtensionBlock#NONE} when X is clear
 * @param payload        the payload without padding
 * @param paddingLength  0 (no padding) or 1..255
 */
public record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
        List<Long> csrcs, ExtensionBlock extensions, byte[] payload, int paddingLength) {

    public static final int VERSION = 2;

    public RtpPacket {
        Bytes.requireRange("payload type", payloadType, 0, 127);
        Bytes.requireRange("sequence number", sequenceNumber, 0, 0xffff);
        Bytes.requireU32("timestamp", timestamp);
        Bytes.requireU32("ssrc", ssrc);
        csrcs = List.copyOf(csrcs);
        Bytes.requireRange("CSRC count", csrcs.size(), 0, 15);
        csrcs.forEach(csrc -> Bytes.requireU32("csrc", csrc));
        Objects.requireNonNull(extensions, "extensions");
        payload = payload.clone();
        Bytes.requireRange("padding length", paddingLength, 0, 255);
    }

    /** A packet with no CSRCs, extensions or padding. */
    public static RtpPacket of(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
            byte[] payload) {
        return new RtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), ExtensionBlock.NONE,
                payload, 0);
    }

    /**
     * Parses the packet in {@code buf[off, off + len)}. Empty, counting {@link Malformed.Kind#RTP},
     * when {@link RtpHeaders#headerLength} refuses it or an RFC 8285 element overruns its block.
     */
    public static Optional<RtpPacket> parse(byte[] buf, int off, int len) {
        int header = RtpHeaders.headerLength(buf, off, len);
        if (header < 0) {
            return Optional.empty();
        }
        ExtensionBlock extensions = ExtensionBlock.NONE;
        if (RtpHeaders.hasExtension(buf, off)) {
            var parsed = ExtensionBlock.parse(buf, RtpHeaders.extensionBlockOffset(buf, off), off + header);
            if (parsed.isEmpty()) {
                Malformed.count(Malformed.Kind.RTP);
                return Optional.empty();
            }
            extensions = parsed.get();
        }
        var csrcs = new ArrayList<Long>(RtpHeaders.csrcCount(buf, off));
        for (int i = 0; i < RtpHeaders.csrcCount(buf, off); i++) {
            csrcs.add(RtpHeaders.csrc(buf, off, i));
        }
        int padding = RtpHeaders.paddingLength(buf, off, len);
        byte[] payload = Arrays.copyOfRange(buf, off + header, off + len - padding);
        return Optional.of(new RtpPacket(RtpHeaders.marker(buf, off), RtpHeaders.payloadType(buf, off),
                RtpHeaders.sequenceNumber(buf, off), RtpHeaders.timestamp(buf, off), RtpHeaders.ssrc(buf, off),
                csrcs, extensions, payload, padding));
    }

    public static Optional<RtpPacket> parse(byte[] buf) {
        return parse(buf, 0, buf.length);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** Whether the P bit is set. */
    public boolean padding() {
        return paddingLength > 0;
    }

    public int headerLength() {
        return RtpHeaders.FIXED_HEADER_LENGTH + 4 * csrcs.size() + extensions.encodedLength();
    }

    public int encodedLength() {
        return headerLength() + payload.length + paddingLength;
    }

    /** Writes the packet at {@code off}; returns the bytes written ({@link #encodedLength()}). */
    public int writeTo(byte[] buf, int off) {
        Objects.checkFromIndexSize(off, encodedLength(), buf.length);
        boolean hasExtension = !(extensions instanceof ExtensionBlock.None);
        buf[off] = (byte) (VERSION << 6 | (padding() ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | csrcs.size());
        buf[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        Bytes.put16(buf, off + 2, sequenceNumber);
        Bytes.put32(buf, off + 4, timestamp);
        Bytes.put32(buf, off + 8, ssrc);
        int pos = off + RtpHeaders.FIXED_HEADER_LENGTH;
        for (long csrc : csrcs) {
            Bytes.put32(buf, pos, csrc);
            pos += 4;
        }
        pos += extensions.writeTo(buf, pos);
        System.arraycopy(payload, 0, buf, pos, payload.length);
        pos += payload.length;
        if (paddingLength > 0) {
            Arrays.fill(buf, pos, pos + paddingLength - 1, (byte) 0);
            buf[pos + paddingLength - 1] = (byte) paddingLength;
            pos += paddingLength;
        }
        return pos - off;
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        writeTo(out, 0);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket other && marker == other.marker && payloadType == other.payloadType
                && sequenceNumber == other.sequenceNumber && timestamp == other.timestamp && ssrc == other.ssrc
                && csrcs.equals(other.csrcs) && extensions.equals(other.extensions)
                && Arrays.equals(payload, other.payload) && paddingLength == other.paddingLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extensions,
                Arrays.hashCode(payload), paddingLength);
    }

    @Override
    public String toString() {
        return "RtpPacket[marker=" + marker + ", payloadType=" + payloadType + ", sequenceNumber=" + sequenceNumber
                + ", timestamp=" + timestamp + ", ssrc=" + ssrc + ", csrcs=" + csrcs + ", extensions=" + extensions
                + ", payload=" + payload.length + " bytes, paddingLength=" + paddingLength + "]";
    }
}
