package dev.parley.media.bridge;

import dev.parley.protocol.rtp.TelephoneEvent;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Sends DTMF keys to the far end as RFC 4733 telephone events, one packet per 20 ms tick of
 * the leg: for each key a first packet with the marker bit (§2.5.1.2), updates whose duration
 * grows by the packet time, and the end packet (E bit) three times (§2.5.1.4), every packet of
 * one event carrying the event's start as its timestamp (§2.3.1) and a sequence number of its
 * own from the audio stream's space. Audio is held back while an event plays (a receiver would
 * otherwise hear the tone and the voice together) and flows again in the pause between keys.
 * Media loop only.
 */
final class DtmfSender {

    /** How long each key sounds, and the pause after it. */
    static final int TONE_MS = 100;
    static final int PAUSE_MS = 100;
    static final int TICK_MS = 20;
    private static final int VOLUME = 10;
    private static final int END_REPEATS = 3;
    private static final String KEYS = "0123456789*#ABCD";

    private record Key(int event, CompletableFuture<Void> done, boolean last) {
    }

    private final int payloadType;
    private final int clockRate;
    private final OutboundStream out;
    private final ArrayDeque<Key> queue = new ArrayDeque<>();
    private final byte[] payload = new byte[TelephoneEvent.LENGTH];
    private Key current;
    private long startTimestamp;
    private int elapsedMs;
    private int endsSent;
    private int pauseMs;
    private long eventsSent;

    DtmfSender(int payloadType, int clockRate, OutboundStream out) {
        this.payloadType = payloadType;
        this.clockRate = clockRate;
        this.out = out;
    }

    /** Whether {@code digits} are all DTMF keys (0-9, *, #, A-D, any case) and not empty. */
    static boolean valid(String digits) {
        return !digits.isEmpty() && digits.toUpperCase(Locale.ROOT).chars().allMatch(c -> KEYS.indexOf(c) >= 0);
    }

    /** Queues the keys; {@code done} completes once the last one's end packets are out. */
    void enqueue(String digits, CompletableFuture<Void> done) {
        String keys = digits.toUpperCase(Locale.ROOT);
        for (int i = 0; i < keys.length(); i++) {
            queue.add(new Key(KEYS.indexOf(keys.charAt(i)), done, i == keys.length() - 1));
        }
    }

    /** An event is on the wire: audio waits. */
    boolean active() {
        return current != null;
    }

    boolean idle() {
        return current == null && queue.isEmpty() && pauseMs <= 0;
    }

    long eventsSent() {
        return eventsSent;
    }

    /** One packet time passed: send what the current key needs, or start the next one. */
    void tick(long nowNanos) {
        if (current == null) {
            if (pauseMs > 0) {
                pauseMs -= TICK_MS;
                return;
            }
            current = queue.poll();
            if (current == null) {
                return;
            }
            startTimestamp = out.timestampAt(nowNanos);
            elapsedMs = TICK_MS;
            endsSent = 0;
            send(true, false);
            return;
        }
        if (elapsedMs < TONE_MS) {
            elapsedMs += TICK_MS;
            send(false, false);
            return;
        }
        send(false, true);
        if (++endsSent == END_REPEATS) {
            eventsSent++;
            if (current.last()) {
                current.done().complete(null);
            }
            current = null;
            pauseMs = PAUSE_MS;
        }
    }

    /** Drops what is queued: the leg stopped sending or closed. */
    void cancel(String reason) {
        var failure = new IllegalStateException(reason);
        if (current != null) {
            current.done().completeExceptionally(failure);
            current = null;
        }
        for (Key key; (key = queue.poll()) != null; ) {
            key.done().completeExceptionally(failure);
        }
        pauseMs = 0;
    }

    private void send(boolean marker, boolean end) {
        int duration = Math.min(0xffff, elapsedMs * clockRate / 1000);
        int length = new TelephoneEvent(current.event(), end, VOLUME, duration).writeTo(payload, 0);
        out.sendEvent(payloadType, marker, startTimestamp, payload, length);
    }
}
