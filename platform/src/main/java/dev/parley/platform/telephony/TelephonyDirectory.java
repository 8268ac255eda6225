package dev.parley.platform.telephony;

import dev.parley.platform.store.Database;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The questions the phone gateway asks while it handles calls: whose number is this, which
 * trunk carries this caller ID, may this address send us calls. Read-only; no HTTP; nothing
 * here ever returns another account's objects for an account-scoped question.
 */
public final class TelephonyDirectory {

    private final Database database;

    public TelephonyDirectory(Database database) {
        this.database = database;
    }

    /**
     * Where a call to {@code e164} goes: the number's account and inbound destination, and the
     * trunk that carries the number (its own, else the account's default). Empty when no
     * account has the number (or it is not E.164).
     */
    public Optional<NumberRoute> inboundRoute(String e164) {
        if (!E164.isValid(e164)) {
            return Optional.empty();
        }
        return database.transaction(c -> {
            Optional<PhoneNumber> number = NumberRows.findAnyAccount(c, e164);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            PhoneNumber n = number.get();
            return Optional.of(new NumberRoute(n.accountId(), n, n.inbound(), trunkOf(c, n)));
        });
    }

    /**
     * The trunk an outbound call with caller ID {@code callerIdNumber} goes through: the trunk
     * of that number when the account has it and names one, else the account's default trunk.
     * Empty when the account has no trunk. This does not check that the caller may use the
     * number: {@link #ownNumber} does.
     */
    public Optional<Trunk> trunkFor(String accountId, String callerIdNumber) {
        return database.transaction(c -> {
            Optional<PhoneNumber> number = E164.isValid(callerIdNumber)
                    ? NumberRows.find(c, accountId, callerIdNumber) : Optional.empty();
            return number.isPresent() ? trunkOf(c, number.get()) : TrunkRows.defaultTrunk(c, accountId);
        });
    }

    /** The account's number {@code e164}, for caller-ID checks (see {@link PhoneNumber#outboundEnabled()}). */
    public Optional<PhoneNumber> ownNumber(String accountId, String e164) {
        if (!E164.isValid(e164)) {
            return Optional.empty();
        }
        return database.transaction(c -> NumberRows.find(c, accountId, e164));
    }

    /** True when one of the account's trunks allows calls from {@code source}. */
    public boolean isAllowedSource(String accountId, InetAddress source) {
        return database.transaction(c -> TrunkRows.ofAccount(c, accountId)).stream().anyMatch(t -> t.allows(source));
    }

    /**
     * Every trunk, of any account, that allows calls from {@code source}: an inbound INVITE
     * names a number, not an account, so the gateway checks its source against all of them.
     */
    public List<Trunk> trunksAllowing(InetAddress source) {
        return allTrunks().stream().filter(t -> t.allows(source)).toList();
    }

    /** Every trunk of every account, for OPTIONS keep-alives (see {@link Trunk#keepAlive()}). */
    public List<Trunk> allTrunks() {
        return database.transaction(TrunkRows::all);
    }

    /**
     * The account's trunk whose host is {@code host} (a name, compared without case, or an IP
     * literal, compared as an address). A call to a SIP URI may only go to such a host: Parley
     * must not become an open relay to any SIP server on the internet.
     */
    public Optional<Trunk> trunkForSipHost(String accountId, String host) {
        return trunkForSipHost(accountId, host, java.util.OptionalInt.empty());
    }

    /**
     * As {@link #trunkForSipHost(String, String)}; when several of the account's trunks are on
     * that host, the one on {@code port} (the URI's port, 5060 when it names none) wins.
     */
    public Optional<Trunk> trunkForSipHost(String accountId, String host, java.util.OptionalInt port) {
        Optional<String> wanted = Hosts.normalize(host);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<Trunk> onHost = database.transaction(c -> TrunkRows.ofAccount(c, accountId)).stream()
                .filter(t -> Hosts.normalize(t.host()).equals(wanted))
                .toList();
        int wantedPort = port.orElse(5060);
        return onHost.stream().filter(t -> t.port() == wantedPort).findFirst().or(() -> onHost.stream().findFirst());
    }

    private static Optional<Trunk> trunkOf(java.sql.Connection c, PhoneNumber number) throws java.sql.SQLException {
        return number.trunkId().isPresent()
                ? TrunkRows.find(c, number.accountId(), number.trunkId().get())
                : TrunkRows.defaultTrunk(c, number.accountId());
    }
}
