package dev.parley.protocol.ice;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.stun.StunClass;
import dev.parley.protocol.stun.StunMessage;
import dev.parley.protocol.stun.StunResponses;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The ICE-lite side of one peer connection (RFC 8445 §2.5; with BUNDLE, one agent per peer):
 * it answers the full peer's connectivity checks and follows its nomination, and it tracks
 * consent freshness (RFC 7675) for the selected address.
 *
 * <p>A lite agent is always controlled (RFC 8445 §6.1.1): it sends no checks, so it never needs
 * the remote password, and it selects the address a valid check with USE-CANDIDATE came from.
 * The checks on each Binding request, in RFC 8489 §6.3 and §9.1.3 order:
 *
 * <ol>
 *   <li>not STUN, or a FINGERPRINT that does not verify: dropped, no answer;
 *   <li>indications and responses: ignored (a lite agent sends no requests);
 *   <li>not a Binding request, or no USERNAME or MESSAGE-INTEGRITY: 400;
 *   <li>USERNAME other than {@code localUfrag:remoteUfrag}, or MESSAGE-INTEGRITY that does not
 *       verify with the local password: 401, and no state changes;
 *   <li>unknown comprehension-required attributes: 420 listing them;
 *   <li>ICE-CONTROLLED: 487, since the full peer must take the controlling role;
 *   <li>otherwise a success response with XOR-MAPPED-ADDRESS = the source, MESSAGE-INTEGRITY
 *       (local password) and FINGERPRINT, plus consent and nomination handling.
 * </ol>
 *
 * <p>Until the remote ufrag is known, any non-empty remote part of USERNAME is accepted: the
 * local ufrag and password, which only our own SDP carried, are what authenticate the peer.
 *
 * <p>Consent: every valid check refreshes consent for its address. {@link #consentExpired}
 * turns a CONNECTED agent DISCONNECTED when the selected address has gone
 * {@code consentTimeout} (30 s by default) without one. A later valid check with
 * USE-CANDIDATE selects an address again (event {@link Event.Selected}); whether a session
 * waits for that or closes at once is the owner's choice.
 *
 * <p>ICE restart ({@link #restart}) replaces the credentials but keeps the selected address
 * and its consent: media goes on over the old pair until the peer nominates with the new
 * credentials (RFC 8445 §9).
 *
 * <p>Time comes in as {@code nowNanos} (from {@link System#nanoTime()} or a test clock); the
 * agent reads no clock. Not thread-safe: the session that owns it calls it from one thread.
 */
public final class IceLiteAgent {

    /** RFC 7675 §5.1: consent lapses 30 s after the last authenticated check. */
    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);

    /** Connection state as consent sees it. */
    public enum State {
        /** No address selected yet. */
        NEW,
        /** An address is selected and has consent. */
        CONNECTED,
        /** Consent for the selected address expired; stop sending to it. */
        DISCONNECTED
    }

    /** What a check changed about where media goes. */
    public sealed interface Event {
        Event NONE = new None();

        /** Nothing changed. */
        record None() implements Event {
        }

        /** Media may flow to {@code address}: the first nomination, or one after consent expired. */
        record Selected(InetSocketAddress address) implements Event {
        }

        /** The peer nominated a new address (it changed network): send there from now on. */
        record Switched(InetSocketAddress previous, InetSocketAddress current) implements Event {
        }
    }

    /**
     * The outcome of one datagram: the bytes to send back to its source, if any, and the event.
     * The response array belongs to the caller.
     */
    public record Result(Optional<byte[]> response, Event event) {
        static final Result IGNORED = new Result(Optional.empty(), Event.NONE);

        static Result answer(byte[] response) {
            return new Result(Optional.of(response), Event.NONE);
        }
    }

    /** Counters since construction, for debug state and metrics. */
    public record Stats(long requests, long successes, long badRequests, long unauthenticated,
                        long unknownAttributes, long roleConflicts, long ignored, long dropped) {
    }

    private final long consentTimeoutNanos;
    private IceCredentials local;
    private Optional<IceCredentials> remote;
    private byte[] localKey;
    private String expectedUsername;

    private State state = State.NEW;
    private Optional<InetSocketAddress> selected = Optional.empty();
    private long lastConsentNanos;

    private long requests;
    private long successes;
    private long badRequests;
    private long unauthenticated;
    private long unknownAttributes;
    private long roleConflicts;
    private long ignored;
    private long dropped;

    /** An agent whose remote credentials are not known yet, with the default consent timeout. */
    public IceLiteAgent(IceCredentials local) {
        this(local, Optional.empty(), DEFAULT_CONSENT_TIMEOUT);
    }

    public IceLiteAgent(IceCredentials local, Optional<IceCredentials> remote, Duration consentTimeout) {
        if (consentTimeout.isNegative() || consentTimeout.isZero()) {
            throw new IllegalArgumentException("the consent timeout must be positive");
        }
        this.consentTimeoutNanos = consentTimeout.toNanos();
        setCredentials(local, remote);
    }

    /** Sets the peer's credentials once its SDP is known; from then on its ufrag is checked too. */
    public void setRemote(IceCredentials remote) {
        setCredentials(local, Optional.of(remote));
    }

    /** ICE restart (RFC 8445 §9): new credentials on both sides; checks with the old ones get 401. */
    public void restart(IceCredentials newLocal, IceCredentials newRemote) {
        setCredentials(newLocal, Optional.of(newRemote));
    }

    /**
     * ICE restart that this side offers: new local credentials now, the peer's new ones with
     * its answer ({@link #setRemote}). In between, a check with the new local ufrag and any
     * remote ufrag is accepted, as before the first answer: the peer may start checking as soon
     * as it has our offer, before its answer reaches us.
     */
    public void restartLocal(IceCredentials newLocal) {
        setCredentials(newLocal, Optional.empty());
    }

    /** ICE restart from the four SDP values; throws {@link IllegalArgumentException} for invalid ones. */
    public void restart(String newLocalUfrag, String newLocalPwd, String newRemoteUfrag, String newRemotePwd) {
        restart(new IceCredentials(newLocalUfrag, newLocalPwd), new IceCredentials(newRemoteUfrag, newRemotePwd));
    }

    /**
     * Handles one datagram that the demultiplexer classified as STUN, received from
     * {@code from} at {@code nowNanos}. See the class comment for the checks and answers.
     */
    public Result handleBindingRequest(byte[] buf, int off, int len, InetSocketAddress from, long nowNanos) {
        Objects.requireNonNull(from);
        var parsed = StunMessage.parse(buf, off, len);
        if (parsed.isEmpty()) {
            dropped++;
            return Result.IGNORED;
        }
        var request = parsed.get();
        if (request.hasFingerprint() && !StunMessage.verifyFingerprint(buf, off, len)) {
            // RFC 8489 §7.3: a FINGERPRINT that does not match means this is not STUN after all.
            Malformed.count(Malformed.Kind.STUN);
            dropped++;
            return Result.IGNORED;
        }
        if (request.messageClass() != StunClass.REQUEST) {
            ignored++;
            return Result.IGNORED;
        }
        requests++;
        if (request.method() != StunMessage.BINDING || request.username().isEmpty() || !request.hasMessageIntegrity()) {
            badRequests++;
            return Result.answer(StunResponses.badRequest(request));
        }
        if (!usernameMatches(request.username().get()) || !StunMessage.verifyIntegrity(buf, off, len, localKey)) {
            unauthenticated++;
            return Result.answer(StunResponses.unauthenticated(request));
        }
        var unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            unknownAttributes++;
            return Result.answer(StunResponses.unknownAttributes(request, unknown, localKey));
        }
        if (request.iceControlled().isPresent()) {
            // Both sides claim to be controlled. A lite agent cannot take control (RFC 8445
            // §6.1.1), so whatever the tie breakers say, the full peer has to switch.
            roleConflicts++;
            return Result.answer(StunResponses.roleConflict(request, localKey));
        }
        successes++;
        Event event = accept(from, request.useCandidate(), nowNanos);
        return new Result(Optional.of(StunResponses.bindingSuccess(request.transactionId(), from, localKey)), event);
    }

    /**
     * True when consent for the selected address has lapsed: no valid check from it for the
     * consent timeout. The first time that is seen, the state turns DISCONNECTED; it stays
     * true until a valid check with USE-CANDIDATE selects an address again.
     */
    public boolean consentExpired(long nowNanos) {
        if (state == State.CONNECTED && nowNanos - lastConsentNanos >= consentTimeoutNanos) {
            state = State.DISCONNECTED;
        }
        return state == State.DISCONNECTED;
    }

    public State state() {
        return state;
    }

    /** The address media goes to; still the last one after consent expired, empty while NEW. */
    public Optional<InetSocketAddress> selectedAddress() {
        return selected;
    }

    public IceCredentials localCredentials() {
        return local;
    }

    /** The peer's credentials, kept for the session's records; a lite agent never uses the password. */
    public Optional<IceCredentials> remoteCredentials() {
        return remote;
    }

    public Stats stats() {
        return new Stats(requests, successes, badRequests, unauthenticated, unknownAttributes, roleConflicts,
                ignored, dropped);
    }

    @Override
    public String toString() {
        return "IceLiteAgent[state=" + state + ", selected=" + selected.map(Object::toString).orElse("none")
                + ", local=" + local + ", " + stats() + "]";
    }

    /** A check passed every test: refresh consent, follow a nomination. */
    private Event accept(InetSocketAddress from, boolean useCandidate, long nowNanos) {
        boolean fromSelected = selected.isPresent() && selected.get().equals(from);
        if (fromSelected) {
            lastConsentNanos = nowNanos;
        }
        if (!useCandidate) {
            return Event.NONE;
        }
        if (state != State.CONNECTED) {
            // First nomination, or a nomination after consent expired.
            select(from, nowNanos);
            return new Event.Selected(from);
        }
        if (fromSelected) {
            return Event.NONE;
        }
        var previous = selected.orElseThrow();
        select(from, nowNanos);
        return new Event.Switched(previous, from);
    }

    private void select(InetSocketAddress address, long nowNanos) {
        selected = Optional.of(address);
        lastConsentNanos = nowNanos;
        state = State.CONNECTED;
    }

    private boolean usernameMatches(String username) {
        return remote.isPresent()
                ? username.equals(expectedUsername)
                : username.startsWith(expectedUsername) && username.length() > expectedUsername.length();
    }

    private void setCredentials(IceCredentials newLocal, Optional<IceCredentials> newRemote) {
        this.local = Objects.requireNonNull(newLocal);
        this.remote = Objects.requireNonNull(newRemote);
        this.localKey = newLocal.key();
        // A check from the peer carries USERNAME "<our ufrag>:<its ufrag>" (RFC 8445 §7.2.2).
        this.expectedUsername = newLocal.ufrag() + ":" + newRemote.map(IceCredentials::ufrag).orElse("");
    }
}
