package dev.parley.platform;

import dev.parley.platform.store.Database;
import dev.parley.platform.store.DatabaseSettings;
import java.util.UUID;

/** A private in-memory H2 database with the real schema, for one test. */
public final class InMemoryDatabase {

    private InMemoryDatabase() {
    }

    public static Database open() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        return Database.open(new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    }
}
