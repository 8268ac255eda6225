package dev.parley.protocol.rtcp;

import java.time.Duration;
import java.time.Instant;

/**
 * NTP timestamps as RTCP uses them (RFC 3550 §4): 64 bits, seconds since 1900-01-01 in the
 * high 32 and a binary fraction in the low 32, held in a {@code long} as an unsigned bit
 * pattern. The seconds wrap on 2036-02-07; like RFC 4330 §3 suggests, a timestamp whose top
 * bit is clear is read as after that date, so conversions are right from 1968 to 2104.
 *
 * <p>The "compact" form is the middle 32 bits (16.16 seconds): the LSR field of a report
 * block is the compact form of the last SR's timestamp, and DLSR is a duration in 1/65536 s.
 */
public final class NtpTime {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    public static final long UNIX_EPOCH_SECONDS = 2_208_988_800L;
    private static final long TWO_32 = 1L << 32;

    private NtpTime() {
    }

    public static long fromEpochMillis(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000) + UNIX_EPOCH_SECONDS;
        long fraction = Math.floorMod(epochMillis, 1000) * TWO_32 / 1000;
        return seconds << 32 | fraction;
    }

    public static long fromInstant(Instant instant) {
        long seconds = instant.getEpochSecond() + UNIX_EPOCH_SECONDS;
        long fraction = instant.getNano() * TWO_32 / 1_000_000_000L;
        return seconds << 32 | fraction;
    }

    /** Milliseconds since the Unix epoch, rounded to the nearest. */
    public static long toEpochMillis(long ntp) {
        return (unixSeconds(ntp) * 1000) + ((ntp & 0xffff_ffffL) * 1000 + (1L << 31) >>> 32);
    }

    /** The instant, rounded to the nearest nanosecond. */
    public static Instant toInstant(long ntp) {
        return Instant.ofEpochSecond(unixSeconds(ntp), (ntp & 0xffff_ffffL) * 1_000_000_000L + (1L << 31) >>> 32);
    }

    private static long unixSeconds(long ntp) {
        long seconds = ntp >>> 32;
        if (seconds < 1L << 31) {
            seconds += TWO_32;  // era 1: after 2036-02-07T06:28:16Z
        }
        return seconds - UNIX_EPOCH_SECONDS;
    }

    /** The middle 32 bits, as put in a report block's LSR field. */
    public static long compact(long ntp) {
        return ntp >>> 16 & 0xffff_ffffL;
    }

    /** A duration in compact units (1/65536 s), for DLSR; saturates at 2^32 - 1, negative gives 0. */
    public static long compactFromDuration(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        if (duration.getSeconds() >= 1L << 16) {
            return 0xffff_ffffL;
        }
        return duration.getSeconds() << 16 | (duration.getNano() * 65_536L / 1_000_000_000L);
    }

    public static Duration compactToDuration(long compact) {
        long nanos = ((compact & 0xffffL) * 1_000_000_000L + (1L << 15)) >>> 16;
        return Duration.ofSeconds(compact >>> 16 & 0xffffL, nanos);
    }

    /**
     * Round-trip time from a report block, RFC 3550 §6.4.1: arrival time (as compact NTP)
     * minus LSR minus DLSR, modulo 2^32. Zero when the block has no LSR yet or the result
     * would be negative (clock trouble).
     */
    public static Duration roundTripTime(long arrivalCompact, long lastSenderReport, long delaySinceLastSenderReport) {
        if (lastSenderReport == 0) {
            return Duration.ZERO;
        }
        int rtt = (int) (arrivalCompact - lastSenderReport - delaySinceLastSenderReport);
        return rtt <= 0 ? Duration.ZERO : compactToDuration(rtt);
    }
}
