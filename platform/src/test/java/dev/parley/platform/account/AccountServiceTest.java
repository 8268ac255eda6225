package dev.parley.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.InMemoryDatabase;
import dev.parley.platform.MutableClock;
import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private final Database database = InMemoryDatabase.open();
    private final AccountService accounts = new AccountService(database, new MutableClock(Instant.parse("2026-11-21T10:00:00Z")));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void onlyAHashOfTheKeyIsStored() {
        IssuedApiKey issued = accounts.createAccount("Acme");
        String secret = issued.text().substring(issued.text().indexOf('.') + 1);
        List<String> everyStoredValue = database.transaction(c -> {
            var values = new ArrayList<String>();
            for (String table : List.of("accounts", "api_keys")) {
                Sql.list(c, "SELECT * FROM " + table, row -> {
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(row.getObject(i)));
                    }
                    return null;
                });
            }
            return values;
        });
        assertTrue(everyStoredValue.stream().noneMatch(v -> v.contains(secret)), "the secret is nowhere in the database");
        assertTrue(everyStoredValue.contains(Secrets.hash(secret)), "its SHA-256 is");
    }

    @Test
    void keysAuthenticateUntilRevoked() {
        IssuedApiKey issued = accounts.createAccount("Acme");
        assertEquals(issued.key().id(), accounts.authenticate(issued.text()).orElseThrow().id());
        assertTrue(accounts.authenticate(issued.text() + "x").isEmpty());
        assertTrue(accounts.authenticate(issued.key().id()).isEmpty());
        assertTrue(accounts.authenticate("." + issued.text()).isEmpty());
        assertTrue(accounts.authenticate("").isEmpty());

        accounts.revokeApiKey(issued.key().accountId(), issued.key().id());
        assertTrue(accounts.authenticate(issued.text()).isEmpty());
    }

    @Test
    void anotherAccountsKeyCannotBeRevoked() {
        IssuedApiKey mine = accounts.createAccount("Mine");
        IssuedApiKey theirs = accounts.createAccount("Theirs");
        assertThrows(NotFound.class, () -> accounts.revokeApiKey(mine.key().accountId(), theirs.key().id()));
        assertTrue(accounts.authenticate(theirs.text()).isPresent());
    }

    @Test
    void namesAreChecked() {
        assertThrows(InvalidInput.class, () -> accounts.createAccount("  "));
        assertThrows(InvalidInput.class, () -> accounts.createAccount("bad\u0007name"));
        assertThrows(NotFound.class, () -> accounts.createApiKey("acc_missing", "x"));
        assertFalse(accounts.hasAnyAccount());
    }
}
