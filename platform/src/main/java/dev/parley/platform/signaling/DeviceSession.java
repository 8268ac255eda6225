package dev.parley.platform.signaling;

import dev.parley.platform.calls.Device;

/**
 * A registered client: survives its socket for the resume window, so a client that lost its
 * network picks its calls up again with {@code register} and {@code resume}. State changes
 * (attach, hold, expire) happen under this object's lock; nothing else is called under it.
 */
final class DeviceSession implements Device {

    enum State { ONLINE, HELD, GONE }

    private final String sessionId;
    private final String accountId;
    private final String identity;
    /** An app connected with an OAuth access token: no identity, so never rung. */
    private final boolean application;
    private final java.util.Optional<dev.parley.platform.token.RecordingCapability> recordingCapability;
    private final String displayName;
    private final SignalingCodec codec;
    private Connection connection;
    private State state = State.ONLINE;
    private long heldSinceNanos;

    DeviceSession(String sessionId, String accountId, String identity, String displayName, boolean application,
                  java.util.Optional<dev.parley.platform.token.RecordingCapability> recordingCapability,
                  SignalingCodec codec, Connection connection) {
        this.recordingCapability = recordingCapability;
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.identity = identity;
        this.application = application;
        this.displayName = displayName;
        this.codec = codec;
        this.connection = connection;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public java.util.Optional<dev.parley.platform.token.RecordingCapability> recordingCapability() {
        return recordingCapability;
    }

    /** Connected with an OAuth access token: it places phone calls and is never called. */
    boolean application() {
        return application;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public synchronized boolean isOnline() {
        return state == State.ONLINE;
    }

    @Override
    public void send(dev.parley.platform.signaling.ServerMessage message) {
        Connection current;
        synchronized (this) {
            current = connection;
        }
        if (current != null) {
            current.send(codec.encode(message));
        }
    }

    synchronized Connection connection() {
        return connection;
    }

    /** The socket dropped: hold the session. False when {@code dropped} is not its socket (any more). */
    synchronized boolean hold(Connection dropped, long nowNanos) {
        if (state != State.ONLINE || connection != dropped) {
            return false;
        }
        connection = null;
        state = State.HELD;
        heldSinceNanos = nowNanos;
        return true;
    }

    /**
     * Moves the session onto {@code fresh}. Returns the socket it had (to close with 4409), or
     * {@code null}; throws when the session has expired meanwhile.
     */
    synchronized Connection resume(Connection fresh) {
        if (state == State.GONE) {
            throw new IllegalStateException("expired");
        }
        Connection previous = connection;
        connection = fresh;
        state = State.ONLINE;
        return previous;
    }

    /** Ends a session held longer than {@code windowNanos}; true when this call ended it. */
    synchronized boolean expireIfHeldSince(long nowNanos, long windowNanos) {
        if (state == State.HELD && nowNanos - heldSinceNanos >= windowNanos) {
            state = State.GONE;
            return true;
        }
        return false;
    }

    synchronized void end() {
        state = State.GONE;
        connection = null;
    }
}
