package dev.parley.platform.identity;

import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import dev.parley.platform.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The identities each account has issued a token to or seen connect. An identity "exists"
 * (for DESTINATION_NOT_FOUND) once either happened; the table is per account, so a lookup
 * can never see another account's identities.
 */
public final class IdentityDirectory {

    private final Database database;
    private final Clock clock;

    public IdentityDirectory(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records that {@code identity} was issued a token or connected now; keeps the newest
     * display name when one is given. Update first, insert when absent: one statement that
     * works on both H2 and PostgreSQL (MERGE and ON CONFLICT differ). A concurrent insert of
     * the same identity loses the unique constraint race and turns into the update.
     */
    public void touch(String accountId, String identity, Optional<String> displayName) {
        Instant now = clock.instant();
        if (update(accountId, identity, displayName, now)) {
            return;
        }
        try {
            // No NULL parameters: PostgreSQL's driver cannot always type them.
            database.transaction(c -> displayName.isPresent()
                    ? Sql.update(c, "INSERT INTO identities (account_id, identity, display_name, first_seen, last_seen)"
                            + " VALUES (?, ?, ?, ?, ?)", accountId, identity, displayName.get(), now, now)
                    : Sql.update(c, "INSERT INTO identities (account_id, identity, first_seen, last_seen)"
                            + " VALUES (?, ?, ?, ?)", accountId, identity, now, now));
        } catch (StoreException raced) {
            if (!update(accountId, identity, displayName, now)) {
                throw raced;
            }
        }
    }

    public boolean exists(String accountId, String identity) {
        return database.transaction(c -> Sql.count(c,
                "SELECT COUNT(*) FROM identities WHERE account_id = ? AND identity = ?", accountId, identity) > 0);
    }

    /** The last display name given for the identity, if any. */
    public Optional<String> displayName(String accountId, String identity) {
        return database.transaction(c -> Sql.one(c,
                "SELECT display_name FROM identities WHERE account_id = ? AND identity = ?",
                row -> Optional.ofNullable(row.getString(1)), accountId, identity)).flatMap(name -> name);
    }

    private boolean update(String accountId, String identity, Optional<String> displayName, Instant now) {
        return database.transaction(c -> displayName.isPresent()
                ? Sql.update(c, "UPDATE identities SET last_seen = ?, display_name = ? WHERE account_id = ? AND identity = ?",
                        now, displayName.get(), accountId, identity)
                : Sql.update(c, "UPDATE identities SET last_seen = ? WHERE account_id = ? AND identity = ?",
                        now, accountId, identity)) > 0;
    }
}
