package dev.parley.platform.calllink;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * When a link can be used: from {@code start} (inclusive) to {@code end} (exclusive); within
 * that, only in {@code hours} (when set) and on {@code days} (empty: every day), both read in
 * {@code timezone}. {@code oneTime}: one call uses it up (never for a ROOM destination).
 */
public record ValidityWindow(boolean oneTime, Instant start, Instant end, Optional<Hours> hours, Set<DayOfWeek> days,
                             ZoneId timezone) {

    /**
     * Daily hours, {@code start} inclusive, {@code end} exclusive. An end before the start
     * crosses midnight: 22:00-06:00 is the night from one day to the next, and the part after
     * midnight belongs to the day on which it began (Friday 22:00 to Saturday 06:00 is
     * "Friday").
     */
    public record Hours(LocalTime start, LocalTime end) {
        public boolean crossesMidnight() {
            return end.isBefore(start);
        }
    }

    public ValidityWindow {
        days = Set.copyOf(days);
    }
}
