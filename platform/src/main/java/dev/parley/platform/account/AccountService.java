package dev.parley.platform.account;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts and their API keys. An API key reads {@code <keyId>.<secret>}: the id finds the
 * row, the secret is checked against its stored hash.
 */
public final class AccountService {

    static final int MAX_NAME_LENGTH = 100;
    private static final char SEPARATOR = '.';

    private final Database database;
    private final Clock clock;

    public AccountService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates an account with a first API key. */
    public IssuedApiKey createAccount(String name) {
        String accountName = validName("name", name, 200);
        Instant now = now();
        var account = new Account(Secrets.id("acc", 16), accountName, now);
        return database.transaction(connection -> {
            Sql.update(connection, "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)",
                    account.id(), account.name(), now);
            return insertKey(connection, account.id(), "default", now);
        });
    }

    public boolean hasAnyAccount() {
        return database.transaction(c -> Sql.count(c, "SELECT COUNT(*) FROM accounts") > 0);
    }

    public Optional<Account> findAccount(String accountId) {
        return database.transaction(c -> Sql.one(c,
                "SELECT id, name, created_at FROM accounts WHERE id = ?", AccountService::account, accountId));
    }

    public List<Account> listAccounts() {
        return database.transaction(c -> Sql.list(c,
                "SELECT id, name, created_at FROM accounts ORDER BY created_at, id", AccountService::account));
    }

    public IssuedApiKey createApiKey(String accountId, String name) {
        String keyName = validName("name", name, MAX_NAME_LENGTH);
        return database.transaction(connection -> {
            if (Sql.count(connection, "SELECT COUNT(*) FROM accounts WHERE id = ?", accountId) == 0) {
                throw new NotFound("account " + accountId);
            }
            return insertKey(connection, accountId, keyName, now());
        });
    }

    public Page<ApiKey> listApiKeys(String accountId, Page.Request request) {
        return database.transaction(connection -> {
            long total = Sql.count(connection, "SELECT COUNT(*) FROM api_keys WHERE account_id = ?", accountId);
            List<ApiKey> rows = Sql.list(connection,
                    "SELECT id, account_id, name, created_at, revoked_at FROM api_keys WHERE account_id = ?"
                            + " ORDER BY created_at, id LIMIT ? OFFSET ?",
                    AccountService::apiKey, accountId, request.size(), request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    /** Revokes one of the account's keys; another account's key is reported as not found. */
    public ApiKey revokeApiKey(String accountId, String keyId) {
        return database.transaction(connection -> {
            ApiKey key = findKey(connection, keyId)
                    .filter(k -> k.accountId().equals(accountId))
                    .orElseThrow(() -> new NotFound("API key " + keyId));
            return revoke(connection, key);
        });
    }

    /** Revokes a key by id whatever its account: for the operator's command line. */
    public ApiKey revokeApiKey(String keyIdOrKey) {
        String keyId = keyIdOrKey.indexOf(SEPARATOR) > 0
                ? keyIdOrKey.substring(0, keyIdOrKey.indexOf(SEPARATOR)) : keyIdOrKey;
        return database.transaction(connection -> revoke(connection,
                findKey(connection, keyId).orElseThrow(() -> new NotFound("API key " + keyId))));
    }

    /** The active key that {@code presented} is, or empty when it is unknown, revoked or wrong. */
    public Optional<ApiKey> authenticate(String presented) {
        int separator = presented.indexOf(SEPARATOR);
        if (separator <= 0 || separator == presented.length() - 1 || presented.length() > 200) {
            return Optional.empty();
        }
        String keyId = presented.substring(0, separator);
        String secret = presented.substring(separator + 1);
        return database.transaction(connection -> Sql.one(connection,
                "SELECT id, account_id, name, created_at, revoked_at, secret_hash FROM api_keys"
                        + " WHERE id = ? AND revoked_at IS NULL",
                row -> new StoredKey(apiKey(row), row.getString("secret_hash")),
                keyId)).filter(stored -> Secrets.matches(secret, stored.secretHash())).map(StoredKey::key);
    }

    private record StoredKey(ApiKey key, String secretHash) {
    }

    private ApiKey revoke(Connection connection, ApiKey key) throws SQLException {
        if (!key.isActive()) {
            return key;
        }
        Instant now = now();
        Sql.update(connection, "UPDATE api_keys SET revoked_at = ? WHERE id = ?", now, key.id());
        return new ApiKey(key.id(), key.accountId(), key.name(), key.createdAt(), Optional.of(now));
    }

    private static Optional<ApiKey> findKey(Connection connection, String keyId) throws SQLException {
        return Sql.one(connection,
                "SELECT id, account_id, name, created_at, revoked_at FROM api_keys WHERE id = ?",
                AccountService::apiKey, keyId);
    }

    private static IssuedApiKey insertKey(Connection connection, String accountId, String name, Instant now)
            throws SQLException {
        String id = Secrets.id("ak", 16);
        String secret = Secrets.secret();
        Sql.update(connection,
                "INSERT INTO api_keys (id, account_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                id, accountId, name, Secrets.hash(secret), now);
        return new IssuedApiKey(new ApiKey(id, accountId, name, now, Optional.empty()), id + SEPARATOR + secret);
    }

    static String validName(String field, String name, int maxLength) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidInput(field, "must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(field, "must not contain control characters");
        }
        return trimmed;
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString("id"), row.getString("name"), Sql.instant(row, "created_at").orElseThrow());
    }

    private static ApiKey apiKey(ResultSet row) throws SQLException {
        return new ApiKey(row.getString("id"), row.getString("account_id"), row.getString("name"),
                Sql.instant(row, "created_at").orElseThrow(), Sql.instant(row, "revoked_at"));
    }

    /** Stored times are whole milliseconds, the same on H2 and PostgreSQL. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
