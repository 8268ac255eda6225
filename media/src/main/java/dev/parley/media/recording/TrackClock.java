package dev.parley.media.recording;

/**
 * Maps one track's RTP timestamps to the media loop's clock (nanoseconds), so that a file's
 * tracks share one timeline.
 *
 * <p>Until the track's first RTCP sender report the mapping is anchored at its first packet's
 * arrival: time = arrival of the first packet + (timestamp - its timestamp) / clock rate, so
 * jitter does not leak into the timeline. A sender report ties a timestamp to the sender's
 * wall clock (RFC 3550 §6.4.1); every track of one participant shares that clock, which is
 * what puts audio and video in sync. The file's first report fixes the offset between the
 * sender's clock and ours ({@link SenderClock}) so that its track does not jump; the other
 * tracks move to where their reports say, which is the lip-sync correction.
 *
 * <p>Gaps stay gaps: a sender that was muted continues its timestamps with the time that
 * passed. A sender that does not (its timestamps jump, or stood still while nothing came for
 * more than {@link #REANCHOR_NANOS}) is re-anchored at the arrival time, taking the usual
 * network delay off, so the gap is still kept as time.
 */
final class TrackClock {

    static final long REANCHOR_NANOS = 1_000_000_000L;

    /** The offset from one sender's wall clock to ours, shared by the tracks of a file. */
    static final class SenderClock {
        private boolean known;
        private long offsetNanos;
    }

    private final int clockRate;
    private final SenderClock sender;
    private final boolean useSenderReports;
    private boolean started;
    private long lastExtended;
    private boolean anchored;
    private long anchorExtended;
    private long anchorNanos;
    private boolean synced;
    private long reportExtended;
    private long reportSenderNanos;
    private long baseDelay;
    private long lastArrival;
    private long reanchors;

    TrackClock(int clockRate, SenderClock sender, boolean useSenderReports) {
        this.clockRate = clockRate;
        this.sender = sender;
        this.useSenderReports = useSenderReports;
    }

    /** The capture time of {@code timestamp}, which arrived at {@code arrivalNanos}. */
    long map(long timestamp, long arrivalNanos) {
        long extended = unwrap(timestamp);
        if (!anchored) {
            anchor(extended, arrivalNanos);
            baseDelay = 0;
            lastArrival = arrivalNanos;
        }
        long predicted = predict(extended);
        long delay = arrivalNanos - predicted;
        boolean stoodStill = delay - baseDelay > REANCHOR_NANOS && arrivalNanos - lastArrival > REANCHOR_NANOS;
        boolean jumpedAhead = delay < baseDelay - REANCHOR_NANOS;
        lastArrival = arrivalNanos;
        if (stoodStill || jumpedAhead) {
            reanchors++;
            anchor(extended, arrivalNanos - baseDelay);
            synced = false; // until the next sender report, which the sender makes with its new timestamps
            return anchorNanos;
        }
        baseDelay = Math.min(baseDelay, delay);
        return predicted;
    }

    /** A sender report: at the sender's {@code ntp} wall-clock time its timestamp was {@code timestamp}. */
    void onSenderReport(long ntp, long timestamp, long arrivalNanos) {
        if (!useSenderReports) {
            return;
        }
        long extended = started ? lastExtended + (int) (timestamp - (lastExtended & 0xffff_ffffL)) : timestamp;
        long senderNanos = ntpNanos(ntp);
        if (!sender.known) {
            if (!anchored) {
                started = true;
                lastExtended = extended;
                anchor(extended, arrivalNanos);
                baseDelay = 0;
                lastArrival = arrivalNanos;
            }
            sender.offsetNanos = predict(extended) - senderNanos;
            sender.known = true;
        }
        reportExtended = extended;
        reportSenderNanos = senderNanos;
        synced = true;
    }

    boolean synced() {
        return synced;
    }

    long reanchors() {
        return reanchors;
    }

    private long predict(long extended) {
        if (synced) {
            return reportSenderNanos + sender.offsetNanos + scale(extended - reportExtended);
        }
        return anchorNanos + scale(extended - anchorExtended);
    }

    private void anchor(long extended, long nanos) {
        anchored = true;
        anchorExtended = extended;
        anchorNanos = nanos;
    }

    private long scale(long ticks) {
        return ticks * 1_000_000_000L / clockRate; // exact for a day of 90 kHz ticks
    }

    private long unwrap(long timestamp) {
        if (!started) {
            started = true;
            lastExtended = timestamp;
            return timestamp;
        }
        long extended = lastExtended + (int) (timestamp - (lastExtended & 0xffff_ffffL));
        if (extended > lastExtended) {
            lastExtended = extended;
        }
        return extended;
    }

    /** NTP time (RFC 3550 §4) in nanoseconds from its epoch; only differences matter here. */
    private static long ntpNanos(long ntp) {
        long seconds = ntp >>> 32;
        long fraction = ntp & 0xffff_ffffL;
        return seconds * 1_000_000_000L + (fraction * 1_000_000_000L >>> 32);
    }
}
