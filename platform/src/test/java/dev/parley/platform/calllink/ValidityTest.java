package dev.parley.platform.calllink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The state of a link as a pure function of its window, its use and the time. The times come
 * from a fixed clock per case, so each assertion says exactly which instant it is about.
 */
class ValidityTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ValidityWindow window(Optional<ValidityWindow.Hours> hours, Set<DayOfWeek> days, String zone) {
        return new ValidityWindow(false, START, END, hours, days, ZoneId.of(zone));
    }

    private static Optional<ValidityWindow.Hours> hours(int startHour, int startMinute, int endHour, int endMinute) {
        return Optional.of(new ValidityWindow.Hours(LocalTime.of(startHour, startMinute), LocalTime.of(endHour, endMinute)));
    }

    /** The state at {@code at} read from a fixed clock, as the services read it. */
    private static LinkState at(ValidityWindow window, String at) {
        Clock clock = Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
        return Validity.state(window, Optional.empty(), Destination.Type.WEBRTC, clock.instant());
    }

    @Test
    void startIsInclusiveAndEndExclusive() {
        var w = new ValidityWindow(false, START, END, Optional.empty(), Set.of(), UTC);
        assertEquals(LinkState.INACTIVE, at(w, "2026-02-28T23:59:59.999Z"));
        assertEquals(LinkState.ACTIVE, at(w, "2026-03-01T00:00:00Z"));
        assertEquals(LinkState.ACTIVE, at(w, "2026-11-30T23:59:59.999Z"));
        assertEquals(LinkState.EXPIRED, at(w, "2026-12-01T00:00:00Z"));
        assertEquals(LinkState.EXPIRED, at(w, "2030-01-01T00:00:00Z"));
    }

    @Test
    void oneTimeUsedIsExpiredExceptForRooms() {
        var w = new ValidityWindow(true, START, END, Optional.empty(), Set.of(), UTC);
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        Optional<Instant> used = Optional.of(Instant.parse("2026-06-01T11:00:00Z"));
        assertEquals(LinkState.ACTIVE, Validity.state(w, Optional.empty(), Destination.Type.WEBRTC, now));
        assertEquals(LinkState.EXPIRED, Validity.state(w, used, Destination.Type.WEBRTC, now));
        assertEquals(LinkState.EXPIRED, Validity.state(w, used, Destination.Type.PHONE, now));
        assertEquals(LinkState.ACTIVE, Validity.state(w, used, Destination.Type.ROOM, now), "one-time never applies to rooms");
        var reusable = new ValidityWindow(false, START, END, Optional.empty(), Set.of(), UTC);
        assertEquals(LinkState.ACTIVE, Validity.state(reusable, used, Destination.Type.WEBRTC, now),
                "a link that is not one-time stays active after a call");
        // Used, and before its start (cannot happen through the API, but the order matters): expired wins.
        assertEquals(LinkState.EXPIRED, Validity.state(w, used, Destination.Type.WEBRTC, START.minusSeconds(1)));
    }

    @Test
    void hoursAreReadInTheWindowsZone() {
        // 09:00-17:00 in Tokyo (UTC+9, no DST) is 00:00-08:00 UTC.
        var tokyo = window(hours(9, 0, 17, 0), Set.of(), "Asia/Tokyo");
        assertEquals(LinkState.INACTIVE, at(tokyo, "2026-06-01T23:59:00Z")); // 08:59 in Tokyo
        assertEquals(LinkState.ACTIVE, at(tokyo, "2026-06-02T00:00:00Z"));   // 09:00
        assertEquals(LinkState.ACTIVE, at(tokyo, "2026-06-02T07:59:59Z"));   // 16:59:59
        assertEquals(LinkState.INACTIVE, at(tokyo, "2026-06-02T08:00:00Z")); // 17:00, end exclusive
        // The same instant in New York is the evening before: outside 09:00-17:00 there.
        var newYork = window(hours(9, 0, 17, 0), Set.of(), "America/New_York");
        assertEquals(LinkState.INACTIVE, at(newYork, "2026-06-02T00:00:00Z")); // 20:00 EDT
        assertEquals(LinkState.ACTIVE, at(newYork, "2026-06-02T13:00:00Z"));   // 09:00 EDT
    }

    @Test
    void newYorkHoursFollowDaylightSavingTime() {
        var newYork = window(hours(9, 0, 17, 0), Set.of(), "America/New_York");
        // DST began on 2026-03-08: 09:00 local was 14:00 UTC on the 7th (EST) and 13:00 UTC on the 9th (EDT).
        assertEquals(LinkState.INACTIVE, at(newYork, "2026-03-07T13:30:00Z")); // 08:30 EST
        assertEquals(LinkState.ACTIVE, at(newYork, "2026-03-07T14:00:00Z"));   // 09:00 EST
        assertEquals(LinkState.ACTIVE, at(newYork, "2026-03-09T13:30:00Z"));   // 09:30 EDT
        assertEquals(LinkState.INACTIVE, at(newYork, "2026-03-09T21:00:00Z")); // 17:00 EDT
        // Tokyo has no DST: its 09:00 is 00:00 UTC on both sides of New York's change.
        var tokyo = window(hours(9, 0, 17, 0), Set.of(), "Asia/Tokyo");
        assertEquals(LinkState.ACTIVE, at(tokyo, "2026-03-07T00:00:00Z"));
        assertEquals(LinkState.ACTIVE, at(tokyo, "2026-03-09T00:00:00Z"));
    }

    @Test
    void hoursThatCrossMidnightBelongToTheDayTheyBegan() {
        // Fridays 22:00 to 06:00: Friday night into Saturday morning, and nothing else.
        var nights = window(hours(22, 0, 6, 0), Set.of(DayOfWeek.FRIDAY), "UTC");
        assertEquals(LinkState.INACTIVE, at(nights, "2026-06-05T21:59:00Z")); // Fri 21:59
        assertEquals(LinkState.ACTIVE, at(nights, "2026-06-05T22:00:00Z"));   // Fri 22:00
        assertEquals(LinkState.ACTIVE, at(nights, "2026-06-05T23:59:59Z"));   // Fri 23:59
        assertEquals(LinkState.ACTIVE, at(nights, "2026-06-06T00:00:00Z"));   // Sat 00:00, Friday's night
        assertEquals(LinkState.ACTIVE, at(nights, "2026-06-06T05:59:59Z"));   // Sat 05:59
        assertEquals(LinkState.INACTIVE, at(nights, "2026-06-06T06:00:00Z")); // Sat 06:00
        assertEquals(LinkState.INACTIVE, at(nights, "2026-06-06T22:30:00Z")); // Sat night is not Friday's
        assertEquals(LinkState.INACTIVE, at(nights, "2026-06-05T03:00:00Z")); // Fri 03:00 is Thursday's night
        assertEquals(LinkState.INACTIVE, at(nights, "2026-06-05T12:00:00Z")); // Fri noon, outside the hours
    }

    @Test
    void crossingMidnightInAZoneAndAcrossTheWeek() {
        // Sundays 23:30 to 00:30 in Tokyo: the part after midnight falls on Monday there.
        var w = window(hours(23, 30, 0, 30), Set.of(DayOfWeek.SUNDAY), "Asia/Tokyo");
        assertEquals(LinkState.ACTIVE, at(w, "2026-06-07T14:45:00Z"));   // Sun 23:45 JST
        assertEquals(LinkState.ACTIVE, at(w, "2026-06-07T15:15:00Z"));   // Mon 00:15 JST
        assertEquals(LinkState.INACTIVE, at(w, "2026-06-07T15:30:00Z")); // Mon 00:30 JST
        assertEquals(LinkState.INACTIVE, at(w, "2026-06-01T15:15:00Z")); // Tue 00:15 JST (Monday's night)
    }

    @Test
    void daysOfTheWeekAreTheLocalDays() {
        var weekdays = window(Optional.empty(), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "Asia/Tokyo");
        assertEquals(LinkState.ACTIVE, at(weekdays, "2026-06-05T14:59:59Z"));   // Fri 23:59:59 JST
        assertEquals(LinkState.INACTIVE, at(weekdays, "2026-06-05T15:00:00Z")); // Sat 00:00 JST, still Friday in UTC
        assertEquals(LinkState.INACTIVE, at(weekdays, "2026-06-07T14:59:59Z")); // Sun 23:59:59 JST
        assertEquals(LinkState.ACTIVE, at(weekdays, "2026-06-07T15:00:00Z"));   // Mon 00:00 JST, Sunday in UTC
        var everyDay = window(Optional.empty(), Set.of(), "UTC");
        assertEquals(LinkState.ACTIVE, at(everyDay, "2026-06-06T12:00:00Z"), "no days listed means every day");
    }

    @Test
    void hoursAndDaysTogether() {
        var w = window(hours(9, 30, 17, 15), Set.of(DayOfWeek.MONDAY), "America/New_York");
        assertEquals(LinkState.INACTIVE, at(w, "2026-06-08T13:29:00Z")); // Mon 09:29 EDT
        assertEquals(LinkState.ACTIVE, at(w, "2026-06-08T13:30:00Z"));   // Mon 09:30 EDT
        assertEquals(LinkState.ACTIVE, at(w, "2026-06-08T21:14:59Z"));   // Mon 17:14:59 EDT
        assertEquals(LinkState.INACTIVE, at(w, "2026-06-08T21:15:00Z")); // Mon 17:15 EDT
        assertEquals(LinkState.INACTIVE, at(w, "2026-06-09T14:00:00Z")); // Tue 10:00 EDT
        // Past the end, the hours do not matter: expired, not inactive.
        assertEquals(LinkState.EXPIRED, at(w, "2026-12-07T15:00:00Z"));
    }
}
