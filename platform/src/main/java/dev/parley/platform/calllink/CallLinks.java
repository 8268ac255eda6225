package dev.parley.platform.calllink;

import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import dev.parley.platform.store.StoreException;
import dev.parley.platform.telephony.TelephonyDirectory;
import dev.parley.platform.telephony.Violations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * An account's call links, and what signaling asks of them: what a link allows
 * ({@link #grant}) and using a one-time link up ({@link #markUsed}). Every account-scoped
 * query filters on the account, so another account's link is "not found"; only
 * {@link #byCode} looks across accounts, for the public page that has nothing but the code.
 */
public final class CallLinks {

    /** Codes are random; a collision is so unlikely that a few retries are only a guard. */
    private static final int CODE_ATTEMPTS = 5;

    private final Database database;
    private final Clock clock;
    private final TelephonyDirectory telephony;

    public CallLinks(Database database, Clock clock, TelephonyDirectory telephony) {
        this.database = database;
        this.clock = clock;
        this.telephony = telephony;
    }

    public CallLink create(String accountId, LinkSpec spec) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var violations = new Violations();
        LinkChecks.check(spec, violations);
        ValidityWindow window = spec.validityWindow().resolve(now, violations);
        if (spec.destination() instanceof Destination.Phone phone && dev.parley.platform.telephony.E164.isValid(phone.from())) {
            var number = telephony.ownNumber(accountId, phone.from());
            if (number.isEmpty() || !number.get().outboundEnabled()) {
                violations.add("destination.from", "must be one of this account's numbers with outboundEnabled");
            }
        }
        violations.throwIfAny();
        for (int attempt = 1; ; attempt++) {
            var link = new CallLink(Secrets.id("cl", 20), accountId, LinkCodes.next(), spec.identity(),
                    spec.displayName(), spec.showIdentity(), spec.customData(), spec.configId(), spec.destination(),
                    window, Optional.empty(), now);
            try {
                return database.transaction(c -> {
                    if (spec.configId().isPresent() && ConfigRows.find(c, accountId, spec.configId().get()).isEmpty()) {
                        throw new dev.parley.platform.common.InvalidInput("callLinkConfigId",
                                "no configuration " + spec.configId().get() + " in this account");
                    }
                    LinkRows.insert(c, link);
                    return link;
                });
            } catch (StoreException e) {
                boolean collision = e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState());
                if (!collision || attempt >= CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Page<CallLink> list(String accountId, Page.Request request) {
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM call_links WHERE account_id = ?", accountId);
            List<CallLink> rows = Sql.list(c, "SELECT " + LinkRows.COLUMNS + " FROM call_links WHERE account_id = ?"
                    + " ORDER BY created_at, id LIMIT ? OFFSET ?", LinkRows::map, accountId, request.size(),
                    request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public CallLink get(String accountId, String linkId) {
        return database.transaction(c -> LinkRows.find(c, accountId, linkId)).orElseThrow(() -> notFound(linkId));
    }

    public void delete(String accountId, String linkId) {
        int deleted = database.transaction(c -> Sql.update(c, "DELETE FROM call_links WHERE id = ? AND account_id = ?",
                linkId, accountId));
        if (deleted == 0) {
            throw notFound(linkId);
        }
    }

    /** The link with this code, of whichever account; empty for an unknown (or impossible) code. */
    public Optional<CallLink> byCode(String code) {
        if (!LinkCodes.plausible(code)) {
            return Optional.empty();
        }
        return database.transaction(c -> LinkRows.byCode(c, code));
    }

    /**
     * What a token carrying claim {@code callLink = linkId} may do now: the link's destination,
     * whether a call uses it up, and whether it is ACTIVE. Empty when the account has no such
     * link (deleted since the token was issued).
     */
    public Optional<CallLinkGrant> grant(String accountId, String linkId) {
        Instant now = clock.instant();
        return database.transaction(c -> LinkRows.find(c, accountId, linkId)).map(link -> {
            LinkState state = link.state(now);
            return new CallLinkGrant(link.id(), link.accountId(), link.destination(), link.usedUpByACall(),
                    state == LinkState.ACTIVE, state);
        });
    }

    /**
     * Marks the link used, once: true only for the one call that set {@code used_at} (the
     * update is conditional, so two calls established at once cannot both use a one-time
     * link). False when it was used already or does not exist in the account.
     */
    public boolean markUsed(String accountId, String linkId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return database.transaction(c -> Sql.update(c, "UPDATE call_links SET used_at = ?"
                + " WHERE id = ? AND account_id = ? AND used_at IS NULL", now, linkId, accountId)) == 1;
    }

    private static NotFound notFound(String linkId) {
        return new NotFound("call link " + linkId);
    }
}
