package dev.parley.telephony.sip;

import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.SipUri;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * OPTIONS to a trunk every interval: the peer is reachable while any response comes back, and
 * unreachable once a probe times out or fails to send. The consumer hears the first result
 * and every change after, on its own serial executor. Loop-confined but for {@link #close()}
 * and {@link #reachable()}.
 */
final class KeepAliveTask implements KeepAlive {

    private final SipCore core;
    private final SipUri target;
    private final Transport transport;
    private final Duration interval;
    private final Optional<DigestCredentials> credentials;
    private final Consumer<Boolean> listener;
    private final SerialExecutor events;
    private volatile boolean closed;
    private volatile boolean reachable;
    private Optional<Boolean> reported = Optional.empty();
    private SipLoop.Timer next = () -> { };

    KeepAliveTask(SipCore core, SipUri target, Transport transport, Duration interval,
            Optional<DigestCredentials> credentials, Consumer<Boolean> listener) {
        this.core = core;
        this.target = target;
        this.transport = transport;
        this.interval = interval;
        this.credentials = credentials;
        this.listener = listener;
        this.events = core.newEvents();
    }

    void start() {
        core.loop().execute(this::probe);
    }

    private void probe() {
        if (closed) {
            return;
        }
        OptionsPing.send(core, target, transport, credentials, result -> {
            if (closed) {
                return;
            }
            report(result.fromPeer());
            next = core.loop().schedule(interval, this::probe);
        });
    }

    private void report(boolean nowReachable) {
        reachable = nowReachable;
        if (reported.isEmpty() || reported.get() != nowReachable) {
            reported = Optional.of(nowReachable);
            events.execute(() -> listener.accept(nowReachable));
        }
    }

    @Override
    public boolean reachable() {
        return reachable;
    }

    @Override
    public void close() {
        closed = true;
        core.loop().execute(() -> next.cancel());
    }
}
