package dev.parley.platform.ddr;

import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The durable queue of status reports ({@code ddr_status_reports}). Rows are claimed with a
 * conditional update before each delivery, so two delivery loops (two nodes, or a restart
 * racing the old process) never send the same attempt twice.
 */
final class StatusOutbox {

    /** A queued report and how many deliveries it has had. */
    record Pending(String id, String accountId, StatusReport report, int attempts, Instant createdAt) {
    }

    private static final String COLUMNS = "id, account_id, call_id, source, destination, status, duration, attempts,"
            + " created_at";

    private final Database database;

    StatusOutbox(Database database) {
        this.database = database;
    }

    void add(String accountId, StatusReport report, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        database.transaction(c -> Sql.update(c, "INSERT INTO ddr_status_reports (" + COLUMNS + ", next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                Secrets.id("dsr", 20), accountId, report.callId(), report.source(), report.destination(),
                report.status().name(), report.duration().toSeconds(), at, at));
    }

    /** Up to {@code limit} reports due at {@code now}, the longest waiting first. */
    List<Pending> due(Instant now, int limit) {
        return database.transaction(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM ddr_status_reports"
                + " WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?", StatusOutbox::map, now, limit));
    }

    /**
     * Takes {@code pending} for one delivery: counts the attempt and moves its next attempt to
     * {@code leaseUntil}, so nobody else tries it meanwhile. False when someone else took it first.
     */
    boolean claim(Pending pending, Instant now, Instant leaseUntil) {
        return database.transaction(c -> Sql.update(c, "UPDATE ddr_status_reports SET attempts = attempts + 1,"
                        + " next_attempt_at = ? WHERE id = ? AND attempts = ? AND next_attempt_at <= ?",
                leaseUntil.truncatedTo(ChronoUnit.MILLIS), pending.id(), pending.attempts(), now)) == 1;
    }

    void retryAt(String id, Instant next, String error) {
        String shortError = error.length() > 200 ? error.substring(0, 200) : error;
        database.transaction(c -> Sql.update(c, "UPDATE ddr_status_reports SET next_attempt_at = ?, last_error = ?"
                + " WHERE id = ?", next.truncatedTo(ChronoUnit.MILLIS), shortError, id));
    }

    void remove(String id) {
        database.transaction(c -> Sql.update(c, "DELETE FROM ddr_status_reports WHERE id = ?", id));
    }

    long pending(String accountId) {
        return database.transaction(c -> Sql.count(c,
                "SELECT COUNT(*) FROM ddr_status_reports WHERE account_id = ?", accountId));
    }

    private static Pending map(ResultSet row) throws SQLException {
        var report = new StatusReport(row.getString("call_id"), row.getString("source"), row.getString("destination"),
                CallStatus.valueOf(row.getString("status")), Duration.ofSeconds(row.getLong("duration")));
        return new Pending(row.getString("id"), row.getString("account_id"), report, row.getInt("attempts"),
                Sql.instant(row, "created_at").orElseThrow());
    }
}
