package dev.parley.protocol.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtpTimeTest {

    @Test
    void unixEpochIsNtpSecond2208988800() {
        assertEquals(0x83aa7e80_00000000L, NtpTime.fromEpochMillis(0));
        assertEquals(0x83aa7e80_80000000L, NtpTime.fromInstant(Instant.ofEpochMilli(500)));
        assertEquals(Instant.parse("1970-01-01T00:00:00.5Z"), NtpTime.toInstant(0x83aa7e80_80000000L));
        assertEquals(500, NtpTime.toEpochMillis(0x83aa7e80_80000000L));
    }

    @Test
    void secondsWrapIn2036AndAreReadAsEraOne() {
        var wrap = Instant.parse("2036-02-07T06:28:16Z");
        assertEquals(0, NtpTime.fromInstant(wrap));
        assertEquals(wrap, NtpTime.toInstant(0));
        var later = Instant.parse("2040-01-01T00:00:00Z");
        assertEquals(later, NtpTime.toInstant(NtpTime.fromInstant(later)));
    }

    @Test
    void millisecondsRoundTrip() {
        for (long millis : new long[] {0, 1, 999, 1_000, 1_700_000_000_123L, 2_085_978_496_000L, 2_300_000_000_001L}) {
            assertEquals(millis, NtpTime.toEpochMillis(NtpTime.fromEpochMillis(millis)), "millis " + millis);
        }
        var instant = Instant.parse("2025-06-01T12:34:56.123456789Z");
        assertEquals(instant, NtpTime.toInstant(NtpTime.fromInstant(instant)));
    }

    @Test
    void compactIsTheMiddle32Bits() {
        assertEquals(0x7e808000L, NtpTime.compact(0x83aa7e80_80000000L));
        assertEquals(0x00054000L, NtpTime.compactFromDuration(Duration.ofMillis(5_250)));
        assertEquals(Duration.ofMillis(5_250), NtpTime.compactToDuration(0x00054000L));
        assertEquals(0, NtpTime.compactFromDuration(Duration.ofSeconds(-1)));
        assertEquals(0xffffffffL, NtpTime.compactFromDuration(Duration.ofDays(2)));
    }

    @Test
    void roundTripTimeFollowsTheRfc3550Example() {
        // RFC 3550 §6.4.1 figure 2: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 -> 6.125 s.
        assertEquals(Duration.ofMillis(6_125), NtpTime.roundTripTime(0xb7108000L, 0xb7052000L, 0x00054000L));
        assertEquals(Duration.ZERO, NtpTime.roundTripTime(0xb7108000L, 0, 0));
        assertEquals(Duration.ZERO, NtpTime.roundTripTime(0xb7052000L, 0xb7052000L, 0x00054000L));
    }
}
