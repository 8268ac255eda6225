package dev.parley.platform.store;

import java.util.Objects;

/**
 * Where the database is and how to log in. An H2 URL means the embedded database; a
 * PostgreSQL URL means a server. The password is kept out of {@link #toString()}.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    /**
     * The embedded H2 database in {@code directory}. AUTO_SERVER lets a second process (the
     * admin command line) open the same file while the server runs: the first process serves
     * it to the others over a loopback TCP port that H2 picks.
     */
    public static DatabaseSettings embedded(java.nio.file.Path directory, int poolSize) {
        var file = directory.toAbsolutePath().resolve("parley");
        return new DatabaseSettings("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", "parley", "", poolSize);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
