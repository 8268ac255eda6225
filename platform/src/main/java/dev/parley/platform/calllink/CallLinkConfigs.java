package dev.parley.platform.calllink;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import dev.parley.platform.telephony.Violations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * An account's call-link configurations. An account with configurations has exactly one
 * default: the first becomes it, {@code isDefault: true} on another moves it (in the same
 * transaction, under the account's row lock), {@code false} on the default is refused, and
 * deleting the default hands the role to the oldest configuration left. Links that named a
 * deleted configuration fall back to the account's default. Another account's
 * configurations are reported exactly like missing ones.
 */
public final class CallLinkConfigs {

    private final Database database;
    private final Clock clock;

    public CallLinkConfigs(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public CallLinkConfig create(String accountId, ConfigSpec spec) {
        return database.transaction(c -> {
            AccountRow.lock(c, accountId);
            checkImages(c, accountId, spec);
            boolean isDefault = ConfigRows.defaultOf(c, accountId).isEmpty() || spec.makeDefault().orElse(false);
            if (isDefault) {
                clearDefault(c, accountId);
            }
            String id = Secrets.id("clc", 16);
            Instant now = now();
            Sql.update(c, "INSERT INTO call_link_configs (" + ConfigRows.COLUMNS + ") VALUES ("
                    + "?, ".repeat(24) + "?)", row(id, accountId, spec, isDefault, now, now));
            return ConfigRows.find(c, accountId, id).orElseThrow();
        });
    }

    public Page<CallLinkConfig> list(String accountId, Page.Request request) {
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM call_link_configs WHERE account_id = ?", accountId);
            List<CallLinkConfig> rows = Sql.list(c, "SELECT " + ConfigRows.COLUMNS + " FROM call_link_configs"
                            + " WHERE account_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                    ConfigRows::map, accountId, request.size(), request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public CallLinkConfig get(String accountId, String configId) {
        return database.transaction(c -> ConfigRows.find(c, accountId, configId)).orElseThrow(() -> notFound(configId));
    }

    /** Replaces the configuration; {@code makeDefault} empty keeps its role. */
    public CallLinkConfig update(String accountId, String configId, ConfigSpec spec) {
        return database.transaction(c -> {
            AccountRow.lock(c, accountId);
            CallLinkConfig current = ConfigRows.find(c, accountId, configId).orElseThrow(() -> notFound(configId));
            checkImages(c, accountId, spec);
            boolean isDefault = spec.makeDefault().orElse(current.isDefault());
            if (current.isDefault() && !isDefault) {
                throw new InvalidInput("isDefault", "an account with configurations always has a default one;"
                        + " make another configuration the default instead");
            }
            if (isDefault && !current.isDefault()) {
                clearDefault(c, accountId);
            }
            // Null image ids are values here (no image): Arrays.asList keeps them, List.of would not.
            var parameters = new java.util.ArrayList<>(java.util.Arrays.asList(ConfigRows.values(spec, isDefault)));
            parameters.addAll(List.of(now(), configId, accountId));
            Sql.update(c, "UPDATE call_link_configs SET " + ConfigRows.SETTABLE + ", updated_at = ?"
                    + " WHERE id = ? AND account_id = ?", parameters.toArray());
            return ConfigRows.find(c, accountId, configId).orElseThrow();
        });
    }

    /** Deletes a configuration; see the class comment for the default and the links that named it. */
    public void delete(String accountId, String configId) {
        database.transaction(c -> {
            AccountRow.lock(c, accountId);
            CallLinkConfig config = ConfigRows.find(c, accountId, configId).orElseThrow(() -> notFound(configId));
            Sql.update(c, "UPDATE call_links SET config_id = NULL WHERE account_id = ? AND config_id = ?",
                    accountId, configId);
            Sql.update(c, "DELETE FROM call_link_configs WHERE id = ? AND account_id = ?", configId, accountId);
            if (config.isDefault()) {
                List<CallLinkConfig> left = ConfigRows.ofAccount(c, accountId);
                if (!left.isEmpty()) {
                    Sql.update(c, "UPDATE call_link_configs SET is_default = TRUE WHERE id = ? AND account_id = ?",
                            left.getFirst().storedId(), accountId);
                }
            }
            return null;
        });
    }

    /** The configuration a link uses: its own, else the account's default, else the built-in one. */
    public CallLinkConfig effective(String accountId, Optional<String> configId) {
        return database.transaction(c -> effective(c, accountId, configId));
    }

    static CallLinkConfig effective(Connection c, String accountId, Optional<String> configId) throws SQLException {
        Optional<CallLinkConfig> own = configId.isPresent() ? ConfigRows.find(c, accountId, configId.get())
                : Optional.empty();
        if (own.isPresent()) {
            return own.get();
        }
        return ConfigRows.defaultOf(c, accountId).orElse(CallLinkConfig.BUILT_IN);
    }

    /** A theme may name only the account's own images, each of the type its place needs. */
    private static void checkImages(Connection c, String accountId, ConfigSpec spec) throws SQLException {
        var violations = new Violations();
        checkImage(c, accountId, violations, "theme.images.logoImageId", spec.theme().logoImageId(), ImageType.LOGO);
        checkImage(c, accountId, violations, "theme.images.backgroundImageId", spec.theme().backgroundImageId(),
                ImageType.BACKGROUND);
        violations.throwIfAny();
    }

    private static void checkImage(Connection c, String accountId, Violations violations, String field,
                                   Optional<String> imageId, ImageType type) throws SQLException {
        if (imageId.isEmpty()) {
            return;
        }
        Optional<ImageType> found = Sql.one(c, "SELECT type FROM call_link_images WHERE id = ? AND account_id = ?",
                row -> ImageType.valueOf(row.getString(1)), imageId.get(), accountId);
        if (found.isEmpty()) {
            violations.add(field, "no image " + imageId.get() + " in this account");
        } else if (found.get() != type) {
            violations.add(field, "image " + imageId.get() + " is a " + found.get() + ", not a " + type);
        }
    }

    private static Object[] row(String id, String accountId, ConfigSpec spec, boolean isDefault, Instant created,
                                Instant updated) {
        Object[] values = ConfigRows.values(spec, isDefault);
        Object[] row = new Object[values.length + 4];
        row[0] = id;
        row[1] = accountId;
        System.arraycopy(values, 0, row, 2, values.length);
        row[values.length + 2] = created;
        row[values.length + 3] = updated;
        return row;
    }

    private static void clearDefault(Connection c, String accountId) throws SQLException {
        Sql.update(c, "UPDATE call_link_configs SET is_default = FALSE WHERE account_id = ? AND is_default = TRUE",
                accountId);
    }

    private static NotFound notFound(String configId) {
        return new NotFound("call link configuration " + configId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
