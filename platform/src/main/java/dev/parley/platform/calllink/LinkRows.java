package dev.parley.platform.calllink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a link is stored: the columns of {@code call_links}, custom data as JSON, days as names. */
final class LinkRows {

    static final String COLUMNS = "id, account_id, code, identity, display_name, show_identity, custom_data, config_id,"
            + " destination_type, destination_target, destination_from, one_time, start_time, end_time, hours_start,"
            + " hours_end, days, timezone, used_at, created_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkRows() {
    }

    static Optional<CallLink> find(Connection c, String accountId, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM call_links WHERE id = ? AND account_id = ?",
                LinkRows::map, id, accountId);
    }

    static Optional<CallLink> byCode(Connection c, String code) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM call_links WHERE code = ?", LinkRows::map, code);
    }

    static void insert(Connection c, CallLink link) throws SQLException {
        var w = link.validityWindow();
        Sql.update(c, "INSERT INTO call_links (" + COLUMNS + ") VALUES (" + "?, ".repeat(19) + "?)",
                link.id(), link.accountId(), link.code(), link.identity().orElse(null),
                link.displayName().orElse(null), link.showIdentity(), json(link.customData()),
                link.configId().orElse(null), link.destination().type().name(), link.destination().target(),
                link.destination() instanceof Destination.Phone phone ? phone.from() : null, w.oneTime(), w.start(),
                w.end(), w.hours().map(h -> minutes(h.start())).orElse(null),
                w.hours().map(h -> minutes(h.end())).orElse(null),
                w.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")),
                w.timezone().getId(), null, link.createdAt());
    }

    static CallLink map(ResultSet row) throws SQLException {
        String target = row.getString("destination_target");
        Destination destination = switch (Destination.Type.valueOf(row.getString("destination_type"))) {
            case WEBRTC -> new Destination.Webrtc(target);
            case PHONE -> new Destination.Phone(target, row.getString("destination_from"));
            case ROOM -> new Destination.Room(target);
        };
        int hoursStart = row.getInt("hours_start");
        Optional<ValidityWindow.Hours> hours = row.wasNull() ? Optional.empty()
                : Optional.of(new ValidityWindow.Hours(time(hoursStart), time(row.getInt("hours_end"))));
        String days = row.getString("days");
        var window = new ValidityWindow(row.getBoolean("one_time"), Sql.instant(row, "start_time").orElseThrow(),
                Sql.instant(row, "end_time").orElseThrow(), hours,
                days.isEmpty() ? java.util.Set.of() : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
                        .collect(Collectors.toSet()),
                ZoneId.of(row.getString("timezone")));
        return new CallLink(row.getString("id"), row.getString("account_id"), row.getString("code"),
                Optional.ofNullable(row.getString("identity")), Optional.ofNullable(row.getString("display_name")),
                row.getBoolean("show_identity"), customData(row.getString("custom_data")),
                Optional.ofNullable(row.getString("config_id")), destination, window, Sql.instant(row, "used_at"),
                Sql.instant(row, "created_at").orElseThrow());
    }

    static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static Map<String, String> customData(String text) {
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored custom data is not JSON", e);
        }
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static LocalTime time(int minutes) {
        return LocalTime.of(minutes / 60, minutes % 60);
    }
}
