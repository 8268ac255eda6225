package dev.parley.platform.telephony;

import dev.parley.platform.common.NotFound;
import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Serializes changes to one account's telephony configuration by locking the account's row
 * until the transaction ends. Without it two requests at once could both make "the first
 * trunk" the default, or a number could point at a trunk being deleted.
 */
final class AccountLock {

    private AccountLock() {
    }

    static void lock(Connection c, String accountId) throws SQLException {
        if (Sql.list(c, "SELECT id FROM accounts WHERE id = ? FOR UPDATE", row -> row.getString(1), accountId).isEmpty()) {
            throw new NotFound("account " + accountId);
        }
    }
}
