package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * An account's SIP trunks. An account with trunks has exactly one default: the first trunk
 * becomes it, making another the default moves it, and deleting the default hands it to the
 * oldest trunk left. Every query is scoped by account; another account's trunk is reported
 * exactly like a missing one.
 */
public final class TrunkService {

    /** How many numbers a conflict message names before it says "and N more". */
    private static final int NAMES_SHOWN = 10;

    private final Database database;
    private final Clock clock;

    public TrunkService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Trunk create(String accountId, TrunkSpec spec) {
        return database.transaction(c -> {
            AccountLock.lock(c, accountId);
            boolean first = TrunkRows.defaultTrunk(c, accountId).isEmpty();
            boolean isDefault = first || spec.makeDefault().orElse(false);
            if (isDefault) {
                clearDefault(c, accountId);
            }
            Instant now = now();
            String id = Secrets.id("trk", 16);
            Sql.update(c, "INSERT INTO sip_trunks (" + TrunkRows.COLUMNS + ")"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, accountId, spec.name(), spec.host(), spec.port(), spec.transport().name(),
                    spec.username().orElse(null), spec.password().filter(p -> !p.isEmpty()).orElse(null),
                    TrunkRows.codecsText(spec.codecs()), spec.webrtcAudio().name(),
                    TrunkRows.addressesText(spec.allowedAddresses()), spec.keepAlive(), isDefault, now, now);
            return TrunkRows.find(c, accountId, id).orElseThrow();
        });
    }

    public Page<Trunk> list(String accountId, Page.Request request) {
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM sip_trunks WHERE account_id = ?", accountId);
            List<Trunk> rows = Sql.list(c, "SELECT " + TrunkRows.COLUMNS + " FROM sip_trunks WHERE account_id = ?"
                            + " ORDER BY created_at, id LIMIT ? OFFSET ?",
                    TrunkRows::map, accountId, request.size(), request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public Trunk get(String accountId, String trunkId) {
        return database.transaction(c -> TrunkRows.find(c, accountId, trunkId))
                .orElseThrow(() -> notFound(trunkId));
    }

    /** Replaces the trunk's settings; the password and default flag follow {@link TrunkSpec}'s rules. */
    public Trunk update(String accountId, String trunkId, TrunkSpec spec) {
        return database.transaction(c -> {
            AccountLock.lock(c, accountId);
            Trunk current = TrunkRows.find(c, accountId, trunkId).orElseThrow(() -> notFound(trunkId));
            boolean isDefault = spec.makeDefault().orElse(current.isDefault());
            if (current.isDefault() && !isDefault) {
                throw new InvalidInput("isDefault", "an account with trunks always has a default one;"
                        + " make another trunk the default instead");
            }
            if (isDefault && !current.isDefault()) {
                clearDefault(c, accountId);
            }
            Optional<String> password = spec.password().isEmpty() ? current.password()
                    : spec.password().filter(p -> !p.isEmpty());
            Sql.update(c, "UPDATE sip_trunks SET name = ?, host = ?, port = ?, transport = ?, username = ?,"
                            + " password = ?, codecs = ?, webrtc_audio = ?, allowed_addresses = ?, keep_alive = ?,"
                            + " is_default = ?, updated_at = ? WHERE id = ? AND account_id = ?",
                    spec.name(), spec.host(), spec.port(), spec.transport().name(), spec.username().orElse(null),
                    password.orElse(null), TrunkRows.codecsText(spec.codecs()), spec.webrtcAudio().name(),
                    TrunkRows.addressesText(spec.allowedAddresses()), spec.keepAlive(), isDefault, now(),
                    trunkId, accountId);
            return TrunkRows.find(c, accountId, trunkId).orElseThrow();
        });
    }

    /**
     * Deletes a trunk. Refused with {@link Conflict} while numbers name it as their trunk:
     * silently moving their outbound calls to another carrier could route them somewhere
     * the customer never chose.
     */
    public void delete(String accountId, String trunkId) {
        database.transaction(c -> {
            AccountLock.lock(c, accountId);
            Trunk trunk = TrunkRows.find(c, accountId, trunkId).orElseThrow(() -> notFound(trunkId));
            List<String> users = Sql.list(c, "SELECT e164 FROM phone_numbers WHERE account_id = ? AND trunk_id = ?"
                    + " ORDER BY e164", row -> row.getString(1), accountId, trunkId);
            if (!users.isEmpty()) {
                throw new Conflict("trunk " + trunkId + " is the trunk of " + describe(users)
                        + "; give them another trunk (or none) first", users);
            }
            Sql.update(c, "DELETE FROM sip_trunks WHERE id = ? AND account_id = ?", trunkId, accountId);
            if (trunk.isDefault()) {
                promoteOldest(c, accountId);
            }
            return null;
        });
    }

    private static void clearDefault(Connection c, String accountId) throws SQLException {
        Sql.update(c, "UPDATE sip_trunks SET is_default = FALSE WHERE account_id = ? AND is_default = TRUE", accountId);
    }

    private static void promoteOldest(Connection c, String accountId) throws SQLException {
        List<Trunk> left = TrunkRows.ofAccount(c, accountId);
        if (!left.isEmpty()) {
            Sql.update(c, "UPDATE sip_trunks SET is_default = TRUE WHERE id = ? AND account_id = ?",
                    left.getFirst().id(), accountId);
        }
    }

    private static String describe(List<String> numbers) {
        String shown = String.join(", ", numbers.subList(0, Math.min(NAMES_SHOWN, numbers.size())));
        String numberWord = numbers.size() == 1 ? "number " : "numbers ";
        return numbers.size() > NAMES_SHOWN
                ? numberWord + shown + " and " + (numbers.size() - NAMES_SHOWN) + " more"
                : numberWord + shown;
    }

    private static NotFound notFound(String trunkId) {
        return new NotFound("trunk " + trunkId);
    }

    /** Stored times are whole milliseconds, the same on H2 and PostgreSQL. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
