package dev.parley.platform.ddr;

import dev.parley.platform.common.NotFound;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Each account's one dynamic destination configuration, by account id only. */
public final class DynamicDestinationConfigs {

    private static final String COLUMNS = "account_id, callback_url, auth_header, status_url, created_at, updated_at";

    private final Database database;
    private final Clock clock;

    public DynamicDestinationConfigs(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<DynamicDestinationConfig> find(String accountId) {
        return database.transaction(c -> Sql.one(c,
                "SELECT " + COLUMNS + " FROM dynamic_destinations WHERE account_id = ?",
                DynamicDestinationConfigs::map, accountId));
    }

    /** The configuration; {@link NotFound} when the account has none. */
    public DynamicDestinationConfig get(String accountId) {
        return find(accountId).orElseThrow(DynamicDestinationConfigs::notFound);
    }

    /**
     * Sets the configuration, creating it when there is none. An authorization left out keeps
     * the stored one (see {@link DynamicDestinationSpec}).
     */
    public DynamicDestinationConfig put(String accountId, DynamicDestinationSpec spec) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return database.transaction(c -> {
            // Lock the account row: two first PUTs at once would otherwise both insert.
            if (Sql.list(c, "SELECT id FROM accounts WHERE id = ? FOR UPDATE", row -> row.getString(1), accountId)
                    .isEmpty()) {
                throw new NotFound("account " + accountId);
            }
            Optional<DynamicDestinationConfig> current = Sql.one(c,
                    "SELECT " + COLUMNS + " FROM dynamic_destinations WHERE account_id = ?",
                    DynamicDestinationConfigs::map, accountId);
            Optional<String> authorization = spec.authorization().isEmpty()
                    ? current.flatMap(DynamicDestinationConfig::authorization)
                    : spec.authorization().filter(value -> !value.isEmpty());
            String callback = spec.callbackUrl().toString();
            String status = spec.statusUrl().map(URI::toString).orElse(null);
            if (current.isPresent()) {
                Sql.update(c, "UPDATE dynamic_destinations SET callback_url = ?, auth_header = ?, status_url = ?,"
                        + " updated_at = ? WHERE account_id = ?", callback, authorization.orElse(null), status, now,
                        accountId);
            } else {
                Sql.update(c, "INSERT INTO dynamic_destinations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                        accountId, callback, authorization.orElse(null), status, now, now);
            }
            return Sql.one(c, "SELECT " + COLUMNS + " FROM dynamic_destinations WHERE account_id = ?",
                    DynamicDestinationConfigs::map, accountId).orElseThrow();
        });
    }

    /** Removes the configuration; {@link NotFound} when there is none. Queued status reports are then dropped. */
    public void delete(String accountId) {
        int deleted = database.transaction(c -> Sql.update(c,
                "DELETE FROM dynamic_destinations WHERE account_id = ?", accountId));
        if (deleted == 0) {
            throw notFound();
        }
    }

    private static NotFound notFound() {
        return new NotFound("dynamic destination configuration");
    }

    private static DynamicDestinationConfig map(ResultSet row) throws SQLException {
        return new DynamicDestinationConfig(row.getString("account_id"), URI.create(row.getString("callback_url")),
                Optional.ofNullable(row.getString("auth_header")),
                Optional.ofNullable(row.getString("status_url")).map(URI::create),
                Sql.instant(row, "created_at").orElseThrow(), Sql.instant(row, "updated_at").orElseThrow());
    }
}
