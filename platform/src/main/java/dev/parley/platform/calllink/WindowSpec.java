package dev.parley.platform.calllink;

import dev.parley.platform.telephony.Violations;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A validity window as the request gives it, before it is checked: times as ISO-8601 text,
 * hours as numbers, days and time zone by name. {@link #resolve} checks it all, naming each
 * field at fault under {@code validityWindow.}.
 */
public record WindowSpec(boolean oneTime, Optional<String> startTime, Optional<String> endTime,
                         Optional<HoursSpec> acceptableHours, List<String> acceptableDays, Optional<String> timezone) {

    /** Daily hours as given; any part may be missing (which is an error, named). */
    public record HoursSpec(Optional<Long> startHour, Optional<Long> startMinute, Optional<Long> endHour,
                            Optional<Long> endMinute) {
    }

    public static final Duration DEFAULT_LENGTH = Duration.ofHours(24);
    private static final String P = "validityWindow.";
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public WindowSpec {
        acceptableDays = List.copyOf(acceptableDays);
    }

    public static WindowSpec defaults() {
        return new WindowSpec(false, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** The window; {@code now} is the creation time, the default start and 24 h before the default end. */
    ValidityWindow resolve(Instant now, Violations violations) {
        Optional<Instant> start = startTime.isEmpty() ? Optional.of(now) : instant(violations, "startTime", startTime.get());
        Optional<Instant> end = endTime.isEmpty() ? Optional.of(now.plus(DEFAULT_LENGTH))
                : instant(violations, "endTime", endTime.get());
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            violations.add(P + "endTime", "must be after startTime (" + start.get() + ")"
                    + (endTime.isEmpty() ? "; without endTime the window ends 24 h after the link is created" : ""));
        }
        Optional<ValidityWindow.Hours> hours = acceptableHours.flatMap(h -> hours(violations, h));
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < acceptableDays.size(); i++) {
            String name = acceptableDays.get(i);
            try {
                days.add(DayOfWeek.valueOf(name));
            } catch (IllegalArgumentException e) {
                violations.add(P + "acceptableDays[" + i + "]", "must be one of MONDAY ... SUNDAY");
            }
        }
        Optional<ZoneId> zone = timezone.isEmpty() ? Optional.of(ZoneId.of("UTC")) : zone(violations, timezone.get());
        if (start.isEmpty() || end.isEmpty() || zone.isEmpty()) {
            return null; // the violations say why; the caller throws
        }
        return new ValidityWindow(oneTime, start.get(), end.get(), hours, days, zone.get());
    }

    private static Optional<Instant> instant(Violations violations, String field, String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                violations.add(P + field, "must be between the years 2000 and 9999");
                return Optional.empty();
            }
            return Optional.of(instant);
        } catch (DateTimeException e) {
            violations.add(P + field, "must be an ISO-8601 time with a zone, such as 2026-01-31T09:30:00Z");
            return Optional.empty();
        }
    }

    private static Optional<ValidityWindow.Hours> hours(Violations violations, HoursSpec h) {
        String f = P + "acceptableHours.";
        Optional<LocalTime> start = time(violations, f + "start", h.startHour(), h.startMinute());
        Optional<LocalTime> end = time(violations, f + "end", h.endHour(), h.endMinute());
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (start.get().equals(end.get())) {
            violations.add(f + "end", "must differ from start (leave acceptableHours out for the whole day)");
            return Optional.empty();
        }
        return Optional.of(new ValidityWindow.Hours(start.get(), end.get()));
    }

    private static Optional<LocalTime> time(Violations violations, String field, Optional<Long> hour,
                                            Optional<Long> minute) {
        boolean ok = true;
        if (hour.isEmpty() || hour.get() < 0 || hour.get() > 23) {
            violations.add(field + ".hour", "must be a whole number from 0 to 23");
            ok = false;
        }
        if (minute.isPresent() && (minute.get() < 0 || minute.get() > 59)) {
            violations.add(field + ".minute", "must be a whole number from 0 to 59");
            ok = false;
        }
        return ok ? Optional.of(LocalTime.of(hour.get().intValue(), minute.orElse(0L).intValue())) : Optional.empty();
    }

    /** IANA region ids only (and UTC): a fixed offset would get daylight saving wrong half of the year. */
    private static Optional<ZoneId> zone(Violations violations, String id) {
        if (ZoneId.getAvailableZoneIds().contains(id)) {
            return Optional.of(ZoneId.of(id));
        }
        violations.add(P + "timezone", "must be an IANA time zone, such as Europe/Zagreb or UTC");
        return Optional.empty();
    }
}
