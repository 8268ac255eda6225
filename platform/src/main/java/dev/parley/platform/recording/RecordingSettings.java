package dev.parley.platform.recording;

import dev.parley.platform.common.NotFound;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Each account's recording setting; an account that never set one records nothing. */
public final class RecordingSettings {

    private final Database database;
    private final Clock clock;

    public RecordingSettings(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public RecordingPreferences get(String accountId) {
        return database.transaction(c -> Sql.one(c,
                "SELECT recording, compose FROM recording_settings WHERE account_id = ?",
                row -> new RecordingPreferences(AccountRecording.valueOf(row.getString("recording")),
                        row.getBoolean("compose")), accountId))
                .orElse(RecordingPreferences.DEFAULT);
    }

    /** Replaces the account's setting; {@link NotFound} when there is no such account. */
    public RecordingPreferences put(String accountId, RecordingPreferences preferences) {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        database.transaction(c -> {
            // Lock the account row: two first PUTs at once would otherwise both insert.
            if (Sql.list(c, "SELECT id FROM accounts WHERE id = ? FOR UPDATE", row -> row.getString(1), accountId)
                    .isEmpty()) {
                throw new NotFound("account " + accountId);
            }
            int updated = Sql.update(c, "UPDATE recording_settings SET recording = ?, compose = ?, updated_at = ?"
                    + " WHERE account_id = ?", preferences.recording().name(), preferences.compose(), now, accountId);
            if (updated == 0) {
                Sql.update(c, "INSERT INTO recording_settings (account_id, recording, compose, updated_at)"
                        + " VALUES (?, ?, ?, ?)", accountId, preferences.recording().name(), preferences.compose(), now);
            }
            return null;
        });
        return preferences;
    }
}
