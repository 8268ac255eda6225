package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account's phone numbers. A number belongs to one account on the whole server, because
 * inbound calls are routed by number alone; every other query is scoped by account.
 */
public final class NumberService {

    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Clock clock;

    public NumberService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Adds a number. {@link Conflict} when it exists already, in this account or another; the
     * message is the same whichever other account holds it, and names none.
     */
    public PhoneNumber create(String accountId, String number, NumberSpec spec) {
        E164.require("number", number);
        checkNotItself(number, spec);
        return database.transaction(c -> {
            AccountLock.lock(c, accountId);
            checkTrunk(c, accountId, spec);
            Optional<PhoneNumber> existing = NumberRows.findAnyAccount(c, number);
            if (existing.isPresent()) {
                throw existing.get().accountId().equals(accountId)
                        ? new Conflict("number " + number + " already exists; change it with PUT", List.of(number))
                        : taken(number);
            }
            Instant now = now();
            try {
                Sql.update(c, "INSERT INTO phone_numbers (" + NumberRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        number, accountId, spec.outboundEnabled(), spec.trunkId().orElse(null),
                        spec.inbound().type().name(), spec.inbound().target().orElse(null), now, now);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw taken(number); // another request added it since we looked
                }
                throw e;
            }
            return NumberRows.find(c, accountId, number).orElseThrow();
        });
    }

    public Page<PhoneNumber> list(String accountId, NumberFilter filter, Page.Request request) {
        var where = new StringBuilder(" WHERE account_id = ?");
        var parameters = new ArrayList<Object>(List.of(accountId));
        filter.type().ifPresent(type -> {
            where.append(" AND inbound_type = ?");
            parameters.add(type.name());
        });
        filter.outboundEnabled().ifPresent(enabled -> {
            where.append(" AND outbound_enabled = ?");
            parameters.add(enabled);
        });
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM phone_numbers" + where, parameters.toArray());
            var paged = new ArrayList<>(parameters);
            paged.add(request.size());
            paged.add(request.offset());
            List<PhoneNumber> rows = Sql.list(c, "SELECT " + NumberRows.COLUMNS + " FROM phone_numbers" + where
                    + " ORDER BY e164 LIMIT ? OFFSET ?", NumberRows::map, paged.toArray());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public PhoneNumber get(String accountId, String number) {
        return database.transaction(c -> NumberRows.find(c, accountId, number)).orElseThrow(() -> notFound(number));
    }

    /** Replaces the number's settings. */
    public PhoneNumber update(String accountId, String number, NumberSpec spec) {
        checkNotItself(number, spec);
        return database.transaction(c -> {
            AccountLock.lock(c, accountId);
            NumberRows.find(c, accountId, number).orElseThrow(() -> notFound(number));
            checkTrunk(c, accountId, spec);
            Sql.update(c, "UPDATE phone_numbers SET outbound_enabled = ?, trunk_id = ?, inbound_type = ?,"
                            + " inbound_target = ?, updated_at = ? WHERE e164 = ? AND account_id = ?",
                    spec.outboundEnabled(), spec.trunkId().orElse(null), spec.inbound().type().name(),
                    spec.inbound().target().orElse(null), now(), number, accountId);
            return NumberRows.find(c, accountId, number).orElseThrow();
        });
    }

    public void delete(String accountId, String number) {
        int deleted = database.transaction(c -> Sql.update(c,
                "DELETE FROM phone_numbers WHERE e164 = ? AND account_id = ?", number, accountId));
        if (deleted == 0) {
            throw notFound(number);
        }
    }

    /** The trunk a number names must be one of the account's: another account's is "no such trunk". */
    private static void checkTrunk(Connection c, String accountId, NumberSpec spec) throws SQLException {
        if (spec.trunkId().isPresent() && TrunkRows.find(c, accountId, spec.trunkId().get()).isEmpty()) {
            throw new InvalidInput("trunkId", "no trunk " + spec.trunkId().get() + " in this account");
        }
    }

    /** A number forwarded to itself would call itself until the carrier gives up. */
    private static void checkNotItself(String number, NumberSpec spec) {
        if (spec.inbound() instanceof InboundDestination.ToPhoneNumber(String target) && target.equals(number)) {
            throw new InvalidInput("inbound.phoneNumber", "must not be the number itself");
        }
    }

    private static Conflict taken(String number) {
        return new Conflict("number " + number + " cannot be added: it is already in use on this server");
    }

    private static NotFound notFound(String number) {
        return new NotFound("number " + number);
    }

    /** Stored times are whole milliseconds, the same on H2 and PostgreSQL. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
