package dev.parley.server.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test class, as configuration variables. H2 lives in a temporary
 * directory; PostgreSQL is a new database on the server that {@code ./parley test} started
 * (PARLEY_TEST_PG_URL). Without that server the PostgreSQL tests are skipped, unless
 * PARLEY_TEST_REQUIRE_PG says they must run, as it does under {@code ./parley test}.
 */
public sealed interface TestDatabase extends AutoCloseable {

    /** Configuration variables that point Parley at this database. */
    Map<String, String> environment();

    String kind();

    @Override
    void close();

    static TestDatabase h2(Path directory) {
        return new H2(directory);
    }

    static TestDatabase postgres() {
        String url = System.getenv("PARLEY_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_PG"))) {
                throw new AssertionError("PARLEY_TEST_REQUIRE_PG=1 but PARLEY_TEST_PG_URL is not set");
            }
            Assumptions.abort("no PostgreSQL for tests (run ./parley test, or set PARLEY_TEST_PG_URL)");
        }
        return new Postgres(url, System.getenv().getOrDefault("PARLEY_TEST_PG_USER", "parley"));
    }

    record H2(Path directory) implements TestDatabase {
        @Override
        public Map<String, String> environment() {
            return Map.of("PARLEY_DATA_DIR", directory.toString());
        }

        @Override
        public String kind() {
            return "h2";
        }

        @Override
        public void close() {
        }
    }

    final class Postgres implements TestDatabase {
        private final String adminUrl;
        private final String user;
        private final String name = "parley_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        Postgres(String adminUrl, String user) {
            this.adminUrl = adminUrl;
            this.user = user;
            execute("CREATE DATABASE " + name);
        }

        @Override
        public Map<String, String> environment() {
            var env = new HashMap<String, String>();
            env.put("PARLEY_DB_URL", adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name);
            env.put("PARLEY_DB_USER", user);
            env.put("PARLEY_DB_PASSWORD", "");
            return env;
        }

        @Override
        public String kind() {
            return "postgresql";
        }

        @Override
        public void close() {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private void execute(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, "")) {
                c.createStatement().execute(sql);
            } catch (SQLException e) {
                throw new AssertionError("PostgreSQL at " + adminUrl + ": " + e.getMessage(), e);
            }
        }
    }
}
