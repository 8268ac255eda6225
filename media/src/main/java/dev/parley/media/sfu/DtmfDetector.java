package dev.parley.media.sfu;

import dev.parley.protocol.rtp.RtpHeaders;
import dev.parley.protocol.rtp.TelephoneEvent;
import java.util.Optional;

/**
 * Turns a publisher's RFC 4733 telephone-event packets into DTMF key presses, each reported
 * once. An event is identified by its RTP timestamp (§2.3.1: every packet of one event carries
 * the event's start time), and a sender repeats packets liberally: updates every 50 ms, and the
 * end packet three times (§2.5.1.4). So the first packet of a timestamp not seen before reports
 * the key, whatever it is: the start packet, an update, or an end packet when all before it were
 * lost. The timestamps of the last few events are kept so a late repeat of an older event, after
 * reordering, is not a new key press. A long event whose duration field would overflow goes on
 * under a new timestamp (§2.5.1.3) without the marker bit; that continuation is not a new press
 * either. Media loop only.
 */
public final class DtmfDetector {

    /** Called with each key pressed (0-9, *, #, A-D). */
    @FunctionalInterface
    public interface Listener {
        void onDigit(char digit);
    }

    private static final int REMEMBERED = 4;

    private final Listener listener;
    private final long[] recentTimestamps = new long[REMEMBERED];
    private int recentCount;
    private int next;
    private int lastEvent = -1;
    private boolean lastEnded = true;
    private long digits;
    private long malformed;

    public DtmfDetector(Listener listener) {
        this.listener = listener;
    }

    /** A telephone-event RTP packet, decrypted, with its header length already checked. */
    public void onPacket(byte[] b, int off, int len, int headerLength) {
        int payloadLength = len - headerLength - RtpHeaders.paddingLength(b, off, len);
        Optional<TelephoneEvent> parsed = payloadLength < TelephoneEvent.LENGTH ? Optional.empty()
                : TelephoneEvent.parse(b, off + headerLength, payloadLength);
        if (parsed.isEmpty()) {
            malformed++;
            return;
        }
        onEvent(parsed.get(), RtpHeaders.timestamp(b, off), RtpHeaders.marker(b, off));
    }

    /** One telephone-event payload with its packet's RTP timestamp and marker bit. */
    public void onEvent(TelephoneEvent event, long rtpTimestamp, boolean marker) {
        if (seen(rtpTimestamp)) {
            if (event.event() == lastEvent && event.end()) {
                lastEnded = true;
            }
            return;
        }
        remember(rtpTimestamp);
        boolean continuation = event.event() == lastEvent && !lastEnded && !marker;
        lastEvent = event.event();
        lastEnded = event.end();
        if (continuation) {
            return;
        }
        event.dtmfDigit().ifPresent(digit -> {
            digits++;
            listener.onDigit(digit);
        });
    }

    public long digits() {
        return digits;
    }

    public long malformed() {
        return malformed;
    }

    private boolean seen(long timestamp) {
        for (int i = 0; i < recentCount; i++) {
            if (recentTimestamps[i] == timestamp) {
                return true;
            }
        }
        return false;
    }

    private void remember(long timestamp) {
        recentTimestamps[next] = timestamp;
        next = (next + 1) % REMEMBERED;
        recentCount = Math.min(recentCount + 1, REMEMBERED);
    }
}
