package dev.parley.platform.calllink;

import dev.parley.platform.common.NotFound;
import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Serializes changes to one account's call-link objects by locking the account's row until
 * the transaction ends: two first configurations created at once must not both become the
 * default, and an image must not be deleted while a configuration starts using it.
 */
final class AccountRow {

    private AccountRow() {
    }

    static void lock(Connection c, String accountId) throws SQLException {
        if (Sql.list(c, "SELECT id FROM accounts WHERE id = ? FOR UPDATE", row -> row.getString(1), accountId).isEmpty()) {
            throw new NotFound("account " + accountId);
        }
    }
}
