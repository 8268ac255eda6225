package dev.parley.platform.token;

import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The signing keys table. */
public final class SigningKeyStore {

    private final Database database;

    public SigningKeyStore(Database database) {
        this.database = database;
    }

    /** Keys that are active, or retired after {@code retiredAfter}; newest first. */
    public List<SigningKey> publishable(Instant retiredAfter) {
        return database.transaction(c -> Sql.list(c,
                "SELECT kid, private_key, public_key, created_at, retired_at FROM signing_keys"
                        + " WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC, kid",
                SigningKeyStore::key, retiredAfter));
    }

    /** Stores {@code key} and retires every other active key, in one transaction. */
    public void addAndRetireOthers(SigningKey key, Instant now) {
        database.transaction(c -> {
            insert(c, key);
            Sql.update(c, "UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL AND kid <> ?",
                    now, key.kid());
            return null;
        });
    }

    /** Stores {@code key} unless an active key already exists; returns whether it was stored. */
    public boolean addIfNoneActive(SigningKey key) {
        return database.transaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM signing_keys WHERE retired_at IS NULL") > 0) {
                return false;
            }
            insert(c, key);
            return true;
        });
    }

    /** Deletes keys retired before {@code cutoff}: no unexpired token can carry their kid any more. */
    public int deleteRetiredBefore(Instant cutoff) {
        return database.transaction(c -> Sql.update(c,
                "DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at <= ?", cutoff));
    }

    private static void insert(java.sql.Connection c, SigningKey key) throws SQLException {
        Sql.update(c, "INSERT INTO signing_keys (kid, algorithm, private_key, public_key, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                key.kid(), SigningKey.ALGORITHM, key.encodedPrivateKey(), key.encodedPublicKey(), key.createdAt());
    }

    private static SigningKey key(ResultSet row) throws SQLException {
        return SigningKey.decode(row.getString("kid"), row.getString("private_key"), row.getString("public_key"),
                Sql.instant(row, "created_at").orElseThrow(), Sql.instant(row, "retired_at"));
    }
}
