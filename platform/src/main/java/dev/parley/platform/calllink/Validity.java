package dev.parley.platform.calllink;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A link's state at an instant, as a pure function so that every rule can be tested with any
 * clock. EXPIRED wins over INACTIVE: a link past its end, or a used one-time link, will never
 * be usable again whatever the hour.
 */
public final class Validity {

    private Validity() {
    }

    public static LinkState state(ValidityWindow window, Optional<Instant> usedAt, Destination.Type type, Instant now) {
        if (!now.isBefore(window.end())) {
            return LinkState.EXPIRED;
        }
        if (window.oneTime() && type != Destination.Type.ROOM && usedAt.isPresent()) {
            return LinkState.EXPIRED;
        }
        if (now.isBefore(window.start())) {
            return LinkState.INACTIVE;
        }
        return withinDaysAndHours(window, now) ? LinkState.ACTIVE : LinkState.INACTIVE;
    }

    /** True when {@code now}, read in the window's zone, is on an allowed day and in the allowed hours. */
    static boolean withinDaysAndHours(ValidityWindow window, Instant now) {
        ZonedDateTime local = now.atZone(window.timezone());
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (window.hours().isPresent()) {
            ValidityWindow.Hours hours = window.hours().get();
            if (!hours.crossesMidnight()) {
                if (time.isBefore(hours.start()) || !time.isBefore(hours.end())) {
                    return false;
                }
            } else if (time.isBefore(hours.end())) {
                day = day.minus(1); // after midnight: the night began the day before
            } else if (time.isBefore(hours.start())) {
                return false;
            }
        }
        return window.days().isEmpty() || window.days().contains(day);
    }
}
