package dev.parley.media.sfu;

import dev.parley.protocol.rtcp.NtpTime;
import dev.parley.protocol.rtcp.ReportBlock;

/**
 * What a receiver knows about one incoming stream, kept as RFC 3550 Appendix A describes:
 * extended highest sequence number (A.1), expected and lost counts and the fraction lost in
 * the last interval (A.3), interarrival jitter (A.8), and the last sender report for LSR/DLSR.
 */
public final class ReceptionStats {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private final int clockRate;
    private boolean started;
    private int maxSequence;
    private long cycles;
    private int baseSequence;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    /** The interval of {@link #sample}, which is not the receiver reports' interval. */
    private long expectedAtSample;
    private long receivedAtSample;
    private double jitter;
    private long lastTransit;
    private boolean hasTransit;
    private long lastSenderReportCompact;
    private long lastSenderReportArrivalNanos;

    public ReceptionStats(int clockRate) {
        this.clockRate = clockRate;
    }

    /** Records one packet; returns false when it is a duplicate or too old to count. */
    public boolean onPacket(int sequence, long rtpTimestamp, long arrivalNanos) {
        if (!started) {
            started = true;
            baseSequence = sequence;
            maxSequence = sequence;
        } else {
            int delta = (sequence - maxSequence) & 0xffff;
            if (delta == 0) {
                return false;
            }
            if (delta < MAX_DROPOUT) {
                if (sequence < maxSequence) {
                    cycles += 1 << 16;
                }
                maxSequence = sequence;
            } else if (delta <= 0x10000 - MAX_MISORDER) {
                // A big jump: the sender restarted; start over from here (A.1 simplified).
                baseSequence = sequence;
                maxSequence = sequence;
                cycles = 0;
                received = 0;
                expectedPrior = 0;
                receivedPrior = 0;
                expectedAtSample = 0;
                receivedAtSample = 0;
            }
        }
        received++;
        updateJitter(rtpTimestamp, arrivalNanos);
        return true;
    }

    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        lastSenderReportCompact = NtpTime.compact(ntpTimestamp);
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    public boolean hasPackets() {
        return started;
    }

    long extendedHighestSequence() {
        return cycles + maxSequence;
    }

    long expected() {
        return extendedHighestSequence() - baseSequence + 1;
    }

    public long cumulativeLost() {
        if (!started) {
            return 0; // nothing expected yet (expected() would say 1)
        }
        return Math.max(0, expected() - received);
    }

    /** Jitter in RTP timestamp units. */
    long jitter() {
        return (long) jitter;
    }

    public double jitterSeconds() {
        return jitter / clockRate;
    }

    /** Loss since the previous sample, and the jitter now; it starts the next sample's interval. */
    public ReceptionSample sample() {
        if (!started) {
            return new ReceptionSample(0, 0, 0);
        }
        long expected = expected();
        long expectedInterval = expected - expectedAtSample;
        long lostInterval = expectedInterval - (received - receivedAtSample);
        expectedAtSample = expected;
        receivedAtSample = received;
        return new ReceptionSample(Math.max(0, expectedInterval), Math.max(0, lostInterval), jitterSeconds() * 1000);
    }

    /** A report block for an RR; it also closes the interval for the fraction lost. */
    public ReportBlock reportBlock(long ssrc, long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long dlsr = lastSenderReportArrivalNanos == 0 ? 0
                : NtpTime.compactFromDuration(java.time.Duration.ofNanos(nowNanos - lastSenderReportArrivalNanos));
        int cumulative = (int) Math.min(cumulativeLost(), 0x7fffff);
        return new ReportBlock(ssrc, Math.min(fraction, 255), cumulative, extendedHighestSequence() & 0xffffffffL,
                jitter() & 0xffffffffL, lastSenderReportCompact, lastSenderReportArrivalNanos == 0 ? 0 : dlsr);
    }

    private void updateJitter(long rtpTimestamp, long arrivalNanos) {
        long arrival = arrivalNanos * clockRate / 1_000_000_000L;
        long transit = arrival - rtpTimestamp;
        if (hasTransit) {
            long d = Math.abs(transit - lastTransit);
            if (d < (long) clockRate * 10) { // ignore absurd jumps (timestamp resets)
                jitter += (d - jitter) / 16.0;
            }
        }
        lastTransit = transit;
        hasTransit = true;
    }
}
