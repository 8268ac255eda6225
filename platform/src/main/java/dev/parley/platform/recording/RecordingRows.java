package dev.parley.platform.recording;

import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How recordings, their participants and their files are stored: the SQL of the recording tables. */
final class RecordingRows {

    static final String COLUMNS = "r.id, r.account_id, r.call_id, r.call_type, r.recording_type, r.room_name, r.status,"
            + " r.failure_reason, r.interrupted, r.compose, r.start_time, r.end_time";
    private static final String FILE_COLUMNS = "id, recording_id, participant, name, kind, format, codecs, size_bytes,"
            + " start_time, end_time, duration_ms, storage_key";

    private RecordingRows() {
    }

    static void insert(Connection c, Recording r) throws SQLException {
        Sql.update(c, "INSERT INTO recordings (id, account_id, call_id, call_type, recording_type, room_name, status,"
                        + " failure_reason, interrupted, compose, start_time, end_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.accountId(), r.callId(), r.callType().name(), r.recordingType().name(), r.room().orElse(null),
                r.status().name(), r.failureReason().orElse(null), r.interrupted(), r.compose(), r.start(),
                r.end().orElse(null));
        addParticipants(c, r.id(), r.participants());
    }

    /** Adds the participants not yet recorded, after those that are, in order. */
    static void addParticipants(Connection c, String recordingId, List<Participant> participants) throws SQLException {
        List<Participant> known = participants(c, List.of(recordingId)).getOrDefault(recordingId, List.of());
        int position = known.size();
        var added = new ArrayList<>(known);
        for (Participant participant : participants) {
            if (!added.contains(participant)) {
                Sql.update(c, "INSERT INTO recording_participants (recording_id, position, kind, address)"
                        + " VALUES (?, ?, ?, ?)", recordingId, position++, participant.kind().name(), participant.address());
                added.add(participant);
            }
        }
    }

    static void insertFile(Connection c, RecordingFile f) throws SQLException {
        Sql.update(c, "INSERT INTO recording_files (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.id(), f.recordingId(), f.participant().orElse(null), f.name(), f.kind().name(), f.format().name(),
                String.join(",", f.codecs()), f.size(), f.start(), f.end().orElse(null),
                f.duration().map(Duration::toMillis).orElse(null), f.storageKey());
    }

    /** Closes a file: its end, duration, size, (now known) codecs, and the key the store committed it under. */
    static void finishFile(Connection c, String fileId, Instant end, Duration duration, Committed committed,
                           List<String> codecs) throws SQLException {
        Sql.update(c, "UPDATE recording_files SET end_time = ?, duration_ms = ?, size_bytes = ?, codecs = ?,"
                        + " storage_key = ? WHERE id = ?",
                end, duration.toMillis(), committed.size(), String.join(",", codecs), committed.key(), fileId);
    }

    /** A file as the store holds it after commit. */
    record Committed(String key, long size) {
    }

    static void deleteFile(Connection c, String fileId) throws SQLException {
        Sql.update(c, "DELETE FROM recording_files WHERE id = ?", fileId);
    }

    static void setStatus(Connection c, String id, RecordingStatus status, Optional<String> reason) throws SQLException {
        Sql.update(c, "UPDATE recordings SET status = ?, failure_reason = ? WHERE id = ?", status.name(),
                reason.orElse(null), id);
    }

    static void end(Connection c, String id, Instant end, boolean interrupted) throws SQLException {
        Sql.update(c, "UPDATE recordings SET end_time = ?, interrupted = ? WHERE id = ?", end, interrupted, id);
    }

    static void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM recording_files WHERE recording_id = ?", id);
        Sql.update(c, "DELETE FROM recording_participants WHERE recording_id = ?", id);
        Sql.update(c, "DELETE FROM recordings WHERE id = ?", id);
    }

    /** The account's recording, with participants and files. */
    static Optional<Recording> find(Connection c, String accountId, String id) throws SQLException {
        return complete(c, Sql.one(c, "SELECT " + COLUMNS + " FROM recordings r WHERE r.id = ? AND r.account_id = ?",
                RecordingRows::map, id, accountId));
    }

    /**
     * The recording whatever its account, its row locked until the transaction ends: for the
     * integrator's calls (which name a recording they began) and background work, never for an
     * API answer.
     */
    static Optional<Recording> lock(Connection c, String id) throws SQLException {
        return complete(c, Sql.one(c, "SELECT " + COLUMNS + " FROM recordings r WHERE r.id = ? FOR UPDATE",
                RecordingRows::map, id));
    }

    /** Ids of the recordings in {@code status}, on every account: for recovery at start. */
    static List<String> idsWithStatus(Connection c, RecordingStatus status) throws SQLException {
        return Sql.list(c, "SELECT id FROM recordings WHERE status = ? ORDER BY start_time", row -> row.getString(1),
                status.name());
    }

    /** One page of rows selected by {@code where} (which starts with " WHERE"), completed with their children. */
    static List<Recording> page(Connection c, String where, List<Object> parameters, RecordingSort sort, int size,
                                long offset) throws SQLException {
        var paged = new ArrayList<>(parameters);
        paged.add(size);
        paged.add(offset);
        List<Recording> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM recordings r" + where + sort.orderBy()
                + " LIMIT ? OFFSET ?", RecordingRows::map, paged.toArray());
        return complete(c, rows);
    }

    private static Optional<Recording> complete(Connection c, Optional<Recording> row) throws SQLException {
        return row.isEmpty() ? row : Optional.of(complete(c, List.of(row.get())).getFirst());
    }

    /** Adds participants and files, two queries for the whole list. */
    private static List<Recording> complete(Connection c, List<Recording> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(Recording::id).toList();
        Map<String, List<Participant>> participants = participants(c, ids);
        Map<String, List<RecordingFile>> files = files(c, ids);
        return rows.stream().map(r -> new Recording(r.id(), r.accountId(), r.callId(), r.callType(), r.recordingType(),
                r.room(), participants.getOrDefault(r.id(), List.of()), r.status(), r.failureReason(), r.interrupted(),
                r.compose(), r.start(), r.end(), files.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Map<String, List<Participant>> participants(Connection c, List<String> ids) throws SQLException {
        var byRecording = new HashMap<String, List<Participant>>();
        for (var row : Sql.list(c, "SELECT recording_id, kind, address FROM recording_participants WHERE recording_id IN ("
                + placeholders(ids.size()) + ") ORDER BY recording_id, position", row -> Map.entry(row.getString(1),
                new Participant(Participant.Kind.valueOf(row.getString(2)), row.getString(3))), ids.toArray())) {
            byRecording.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return byRecording;
    }

    private static Map<String, List<RecordingFile>> files(Connection c, List<String> ids) throws SQLException {
        var byRecording = new HashMap<String, List<RecordingFile>>();
        for (RecordingFile file : Sql.list(c, "SELECT " + FILE_COLUMNS + " FROM recording_files WHERE recording_id IN ("
                + placeholders(ids.size()) + ") ORDER BY start_time, id", RecordingRows::mapFile, ids.toArray())) {
            byRecording.computeIfAbsent(file.recordingId(), k -> new ArrayList<>()).add(file);
        }
        return byRecording;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Recording map(ResultSet row) throws SQLException {
        return new Recording(row.getString("id"), row.getString("account_id"), row.getString("call_id"),
                CallType.valueOf(row.getString("call_type")), RecordingType.valueOf(row.getString("recording_type")),
                Optional.ofNullable(row.getString("room_name")), List.of(),
                RecordingStatus.valueOf(row.getString("status")), Optional.ofNullable(row.getString("failure_reason")),
                row.getBoolean("interrupted"), row.getBoolean("compose"), Sql.instant(row, "start_time").orElseThrow(),
                Sql.instant(row, "end_time"), List.of());
    }

    private static RecordingFile mapFile(ResultSet row) throws SQLException {
        String codecs = row.getString("codecs");
        long duration = row.getLong("duration_ms");
        Optional<Duration> known = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(duration));
        return new RecordingFile(row.getString("id"), row.getString("recording_id"),
                FileKind.valueOf(row.getString("kind")), Optional.ofNullable(row.getString("participant")),
                row.getString("name"), FileFormat.valueOf(row.getString("format")),
                codecs.isEmpty() ? List.of() : Arrays.asList(codecs.split(",")), row.getLong("size_bytes"),
                Sql.instant(row, "start_time").orElseThrow(), Sql.instant(row, "end_time"), known,
                row.getString("storage_key"));
    }
}
