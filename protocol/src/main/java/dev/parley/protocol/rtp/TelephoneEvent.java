package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import dev.parley.protocol.Malformed;
import java.util.Objects;
import java.util.Optional;

/**
 * A telephone-event payload, RFC 4733 §2.3 (DTMF digits are events 0..15, §3.2).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The R bit is reserved: written as 0 and ignored on receipt (§2.3.3). Bytes past the
 * first four are ignored, as a receiver of this payload type only needs the first event.
 *
 * @param event    0..255 (0..9 digits, 10 '*', 11 '#', 12..15 A..D)
 * @param end      the E bit: this packet ends the event
 * @param volume   0..63, power level in -dBm0
 * @param duration 0..65535, in RTP timestamp units since the event began
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int LENGTH = 4;
    /** RFC 4733 §3.2, Table 3: events 0..15 are the DTMF keys in this order. */
    private static final String DTMF_DIGITS = "0123456789*#ABCD";

    public TelephoneEvent {
        Bytes.requireRange("event", event, 0, 255);
        Bytes.requireRange("volume", volume, 0, 63);
        Bytes.requireRange("duration", duration, 0, 0xffff);
    }

    /** Empty, counting {@link Malformed.Kind#RTP}, when fewer than 4 bytes are given. */
    public static Optional<TelephoneEvent> parse(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < LENGTH) {
            Malformed.count(Malformed.Kind.RTP);
            return Optional.empty();
        }
        return Optional.of(new TelephoneEvent(buf[off] & 0xff, (buf[off + 1] & 0x80) != 0, buf[off + 1] & 0x3f,
                Bytes.u16(buf, off + 2)));
    }

    /** The DTMF key this event stands for (0-9, *, #, A-D), or empty for the other events. */
    public Optional<Character> dtmfDigit() {
        return event < DTMF_DIGITS.length() ? Optional.of(DTMF_DIGITS.charAt(event)) : Optional.empty();
    }

    public int writeTo(byte[] buf, int off) {
        buf[off] = (byte) event;
        buf[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
        Bytes.put16(buf, off + 2, duration);
        return LENGTH;
    }

    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        writeTo(out, 0);
        return out;
    }
}
