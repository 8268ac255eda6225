package dev.parley.platform.signaling;

import dev.parley.media.MediaServer;
import dev.parley.platform.calls.CallService;
import dev.parley.platform.calls.ErrorCode;
import dev.parley.platform.calls.PhoneCalls;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.identity.IdentityDirectory;
import dev.parley.platform.token.TokenVerifier;
import dev.parley.platform.token.VerifiedIdentity;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket signaling at {@code /ws} (docs/signaling.md): authenticates the socket with the
 * identity token (or an app's OAuth access token) in the query string, registers sessions, keeps the heartbeat and holds
 * dropped sessions for resumption; calls and rooms are {@link CallService}'s. The query string
 * is never logged: it carries the token.
 */
public final class Signaling implements AutoCloseable {

    public static final int CLOSE_UNAUTHENTICATED = 4401;
    public static final int CLOSE_BAD_MESSAGE = 4400;
    public static final int CLOSE_HEARTBEAT = 4408;
    public static final int CLOSE_RESUMED_ELSEWHERE = 4409;

    private static final Logger LOG = LoggerFactory.getLogger(Signaling.class);
    private static final String CONNECTION = "parley.connection";

    private final SignalingSettings settings;
    private final TokenVerifier tokens;
    private final IdentityDirectory identities;
    private final SignalingCodec codec = new SignalingCodec();
    private final SessionRegistry registry = new SessionRegistry();
    private final CallService calls;
    private final PhoneCalls phones;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-heartbeat").daemon().factory());

    public Signaling(SignalingSettings settings, Clock clock, TokenVerifier tokens, IdentityDirectory identities,
                     MediaServer media, PhoneCalls.Services phoneServices, dev.parley.platform.recording.Recordings recordings,
                     dev.parley.platform.recording.RecordingSettings recordingSettings) {
        this.settings = settings;
        this.tokens = tokens;
        this.identities = identities;
        this.calls = new CallService(settings, clock, media, identities, registry, recordings, recordingSettings);
        this.phones = new PhoneCalls(calls, media, phoneServices);
        long period = Math.max(50, Math.min(1000, settings.heartbeatTimeout().toMillis() / 5));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    public SignalingSettings settings() {
        return settings;
    }

    /** Where INVITEs from trunks go (the SIP stack's inbound handler). */
    public PhoneCalls phoneCalls() {
        return phones;
    }

    /** The handlers of the {@code /ws} endpoint. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(ctx -> received(ctx, ctx.message()));
        ws.onBinaryMessage(ctx -> connection(ctx).ifPresent(c ->
                c.close(CLOSE_BAD_MESSAGE, "binary frames are not part of the protocol")));
        ws.onClose(ctx -> connection(ctx).ifPresent(this::dropped));
        ws.onError(ctx -> connection(ctx).ifPresent(this::dropped));
    }

    private void connected(WsContext ctx) {
        String token = ctx.queryParam("token");
        VerifiedIdentity identity;
        try {
            if (token == null || token.isEmpty()) {
                throw new TokenVerifier.InvalidToken("no token: connect to /ws?token=<identity or access token>");
            }
            identity = tokens.signaling(token);
        } catch (TokenVerifier.InvalidToken e) {
            ctx.closeSession(CLOSE_UNAUTHENTICATED, e.getMessage());
            return;
        }
        var connection = new Connection(ctx, identity, System.nanoTime());
        ctx.attribute(CONNECTION, connection);
        connections.add(connection);
    }

    private void received(WsContext ctx, String text) {
        Optional<Connection> found = connection(ctx);
        if (found.isEmpty()) {
            return;
        }
        Connection connection = found.get();
        connection.touch(System.nanoTime());
        switch (codec.decode(text)) {
            case SignalingCodec.Decoded.Fatal fatal -> connection.close(CLOSE_BAD_MESSAGE, fatal.reason());
            case SignalingCodec.Decoded.Rejected rejected -> connection.send(codec.encode(
                    new ServerMessage.Error(rejected.requestId(), rejected.callId(), rejected.error())));
            case SignalingCodec.Decoded.Message message -> {
                try {
                    dispatch(connection, message.message());
                } catch (RuntimeException e) {
                    LOG.error("signaling message {} failed", message.message().getClass().getSimpleName(), e);
                    error(connection, message.message(), ErrorCode.INTERNAL_ERROR.info());
                }
            }
        }
    }

    /** One exhaustive switch over what a client can say. */
    private void dispatch(Connection connection, ClientMessage message) {
        DeviceSession session = connection.session;
        if (session == null && !(message instanceof ClientMessage.Register || message instanceof ClientMessage.Ping)) {
            error(connection, message, ErrorCode.INVALID_STATE.info("register first"));
            return;
        }
        if (connection.identity.application() && (message instanceof ClientMessage.Call
                || message instanceof ClientMessage.JoinRoom)) {
            error(connection, message, ErrorCode.FORBIDDEN.info(
                    "an access token places calls to phone numbers, SIP endpoints and dynamic destinations only"));
            return;
        }
        Optional<String> violation = Validation.check(message);
        if (violation.isPresent()) {
            error(connection, message, ErrorCode.INVALID_REQUEST.info(violation.get()));
            return;
        }
        switch (message) {
            case ClientMessage.Register register -> register(connection, register);
            case ClientMessage.Ping ping -> connection.send(codec.encode(new ServerMessage.Pong(ping.requestId())));
            case ClientMessage.Call call -> calls.call(session, call);
            case ClientMessage.CallPhone call -> phones.callPhone(session, call);
            case ClientMessage.CallSip call -> phones.callSip(session, call);
            case ClientMessage.CallDynamic call -> phones.callDynamic(session, call);
            case ClientMessage.JoinRoom join -> calls.joinRoom(session, join);
            case ClientMessage.CallScoped scoped -> calls.route(session, scoped);
        }
    }

    private void register(Connection connection, ClientMessage.Register register) {
        if (connection.session != null) {
            error(connection, register, ErrorCode.INVALID_STATE.info("this socket is already registered"));
            return;
        }
        VerifiedIdentity id = connection.identity;
        if (!id.application()) {
            identities.touch(id.accountId(), id.identity(), id.displayName());
        }
        Optional<DeviceSession> held = Optional.ofNullable(register.resume())
                .flatMap(sessionId -> registry.find(sessionId, id.accountId(), id.identity()));
        if (held.isPresent()) {
            DeviceSession session = held.get();
            try {
                Connection previous = session.resume(connection);
                connection.session = session;
                if (previous != null) {
                    previous.session = null;
                    previous.close(CLOSE_RESUMED_ELSEWHERE, "this session was resumed on another socket");
                }
                sendRegistered(connection, session, register, true);
                calls.connectionChanged(session, true);
                return;
            } catch (IllegalStateException expired) {
                // Expired between the lookup and now: a new session, as if it had not been found.
            }
        }
        var session = new DeviceSession("s-" + Secrets.id("s", 24).substring(2), id.accountId(), id.identity(),
                id.displayName().orElse(id.identity()), id.application(), id.recording(), codec, connection);
        connection.session = session;
        registry.add(session);
        sendRegistered(connection, session, register, false);
    }

    private void sendRegistered(Connection connection, DeviceSession session, ClientMessage.Register register,
                                boolean resumed) {
        connection.send(codec.encode(new ServerMessage.Registered(register.requestId(), session.sessionId(),
                session.identity(), session.displayName(), settings.heartbeatInterval().toMillis(),
                settings.heartbeatTimeout().toMillis(), List.of(), resumed,
                resumed ? calls.summaries(session) : List.of())));
    }

    /** The socket is gone (closed by either side, or failed): its session, if any, is held. */
    private void dropped(Connection connection) {
        connections.remove(connection);
        DeviceSession session = connection.session;
        if (session != null && session.hold(connection, System.nanoTime())) {
            calls.connectionChanged(session, false);
        }
    }

    /** Closes silent sockets (4408) and ends sessions held past the resume window. */
    private void sweep() {
        try {
            long now = System.nanoTime();
            long timeout = settings.heartbeatTimeout().toNanos();
            for (Connection connection : connections) {
                if (now - connection.lastSeenNanos() > timeout) {
                    connection.close(CLOSE_HEARTBEAT, "no message for " + settings.heartbeatTimeout().toMillis() + " ms");
                    dropped(connection);
                }
            }
            long window = settings.resumeWindow().toNanos();
            for (DeviceSession session : registry.all()) {
                if (session.expireIfHeldSince(now, window)) {
                    registry.remove(session);
                    calls.deviceGone(session);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("heartbeat sweep failed", e);
        }
    }

    private void error(Connection connection, ClientMessage message, dev.parley.platform.calls.ErrorCode.Info info) {
        String callId = message instanceof ClientMessage.CallScoped scoped ? scoped.callId() : null;
        connection.send(codec.encode(new ServerMessage.Error(message.requestId(), callId, info)));
    }

    private static Optional<Connection> connection(WsContext ctx) {
        return Optional.ofNullable(ctx.attribute(CONNECTION));
    }

    /** Closes every socket with 1001 (going away) and stops the timers. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        for (Connection connection : connections) {
            connection.close(1001, "the server is shutting down");
        }
        phones.close();
        calls.close();
    }
}
