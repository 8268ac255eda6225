package dev.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.signaling.SignalingSettings;
import dev.parley.server.TestAccounts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract test class run against one whole server over one fresh database, started before
 * its first test and stopped after its last. Subclasses pick the database ({@link #openDatabase}:
 * one H2 and one PostgreSQL subclass per contract) and may add configuration variables
 * ({@link #serverEnvironment}) or adjust signaling timings ({@link #signalingSettings}). A
 * subclass's own {@code @BeforeAll} methods run after the server is up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerContract {

    /** This class's temporary directory; the server's working directory. */
    protected Path workDir;
    protected TestDatabase database;
    protected TestServer server;
    protected Http http;

    /** The database this class runs on; {@code workDir} is there for one kept in files. */
    protected abstract TestDatabase openDatabase(Path workDir);

    /** Configuration variables added to or overriding the test defaults; {@link #workDir} is set. */
    protected Map<String, String> serverEnvironment() {
        return Map.of();
    }

    /** The signaling timings the server runs with, from its configured ones. */
    protected SignalingSettings signalingSettings(SignalingSettings configured) {
        return configured;
    }

    @BeforeAll
    final void startServerContract(@TempDir Path workDir) {
        this.workDir = workDir;
        database = openDatabase(workDir);
        server = TestServer.start(database, workDir, serverEnvironment(), this::signalingSettings);
        http = server.http();
    }

    @AfterAll
    final void stopServerContract() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    // --- helpers shared by the contracts ---------------------------------------------------

    /** A new account, created as an operator does ({@code parley admin create-account}); its API key. */
    protected String newAccount(String name) {
        return TestAccounts.createAccount(server.config(), name);
    }

    /** The id of the account that {@code apiKey} belongs to. */
    protected String accountOf(String apiKey) {
        return server.server().platform().accounts().authenticate(apiKey).orElseThrow().accountId();
    }

    /** The header that authenticates a request with an API key, for {@link Http}'s header arguments. */
    protected static String[] auth(String apiKey) {
        return new String[] {"Authorization", "App " + apiKey};
    }

    /** The body of a 201 Created answer, after checking that it is one. */
    protected static JsonNode created(Http.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json();
    }
}
