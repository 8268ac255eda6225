package dev.parley.platform.token;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** WebRTC credentials: OAuth 2.0 client ids and secrets that an account's backend exchanges for access tokens. */
public final class ClientCredentialService {

    static final int MAX_NAME_LENGTH = 100;

    private final Database database;
    private final Clock clock;

    public ClientCredentialService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public IssuedClientCredential create(String accountId, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "must be 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
        Instant now = now();
        var credential = new ClientCredential(Secrets.id("cid", 24), accountId, name.strip(), now);
        String secret = Secrets.secret();
        database.transaction(c -> Sql.update(c,
                "INSERT INTO webrtc_credentials (client_id, account_id, name, secret_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                credential.clientId(), accountId, credential.name(), Secrets.hash(secret), now));
        return new IssuedClientCredential(credential, secret);
    }

    public Page<ClientCredential> list(String accountId, Page.Request request) {
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM webrtc_credentials WHERE account_id = ?", accountId);
            List<ClientCredential> rows = Sql.list(c,
                    "SELECT client_id, account_id, name, created_at FROM webrtc_credentials WHERE account_id = ?"
                            + " ORDER BY created_at, client_id LIMIT ? OFFSET ?",
                    ClientCredentialService::credential, accountId, request.size(), request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public ClientCredential get(String accountId, String clientId) {
        return database.transaction(c -> Sql.one(c,
                        "SELECT client_id, account_id, name, created_at FROM webrtc_credentials"
                                + " WHERE client_id = ? AND account_id = ?",
                        ClientCredentialService::credential, clientId, accountId))
                .orElseThrow(() -> new NotFound("credential " + clientId));
    }

    /** Deletes one of the account's credentials; another account's is reported as not found. */
    public void delete(String accountId, String clientId) {
        int deleted = database.transaction(c -> Sql.update(c,
                "DELETE FROM webrtc_credentials WHERE client_id = ? AND account_id = ?", clientId, accountId));
        if (deleted == 0) {
            throw new NotFound("credential " + clientId);
        }
    }

    /** The credential when {@code clientSecret} is right for {@code clientId}; empty otherwise. */
    public Optional<ClientCredential> authenticate(String clientId, String clientSecret) {
        if (clientId.length() > 64 || clientSecret.length() > 200) {
            return Optional.empty();
        }
        record Stored(ClientCredential credential, String hash) {
        }
        return database.transaction(c -> Sql.one(c,
                        "SELECT client_id, account_id, name, created_at, secret_hash FROM webrtc_credentials"
                                + " WHERE client_id = ?",
                        row -> new Stored(credential(row), row.getString("secret_hash")), clientId))
                .filter(stored -> Secrets.matches(clientSecret, stored.hash()))
                .map(Stored::credential);
    }

    private static ClientCredential credential(ResultSet row) throws SQLException {
        return new ClientCredential(row.getString("client_id"), row.getString("account_id"), row.getString("name"),
                Sql.instant(row, "created_at").orElseThrow());
    }

    /** Stored times are whole milliseconds, the same on H2 and PostgreSQL. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
