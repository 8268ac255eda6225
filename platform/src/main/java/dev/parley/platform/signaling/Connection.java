package dev.parley.platform.signaling;

import dev.parley.platform.token.VerifiedIdentity;
import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.Queue;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One WebSocket: who its token says it is, when it last heard from the client, and the
 * session registered on it. Frames go out one at a time in order (the next is written when
 * the last completed), so any thread may send without blocking on a slow client.
 */
final class Connection {

    private final WsContext ctx;
    final VerifiedIdentity identity;
    private volatile long lastSeenNanos;
    volatile DeviceSession session;
    private final Queue<String> outgoing = new ArrayDeque<>();
    private boolean writing;
    private volatile boolean closed;

    Connection(WsContext ctx, VerifiedIdentity identity, long nowNanos) {
        this.ctx = ctx;
        this.identity = identity;
        this.lastSeenNanos = nowNanos;
    }

    void touch(long nowNanos) {
        lastSeenNanos = nowNanos;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    void send(String text) {
        synchronized (outgoing) {
            if (closed) {
                return;
            }
            if (writing) {
                outgoing.add(text);
                return;
            }
            writing = true;
        }
        write(text);
    }

    private void write(String text) {
        try {
            ctx.session.sendText(text, Callback.from(this::writeNext, failure -> close(1011, "cannot write")));
        } catch (RuntimeException e) {
            close(1011, "cannot write");
        }
    }

    private void writeNext() {
        String next;
        synchronized (outgoing) {
            next = outgoing.poll();
            if (next == null) {
                writing = false;
                return;
            }
        }
        write(next);
    }

    void close(int code, String reason) {
        synchronized (outgoing) {
            if (closed) {
                return;
            }
            closed = true;
            outgoing.clear();
        }
        try {
            ctx.closeSession(code, reason);
        } catch (RuntimeException e) {
            // Already closed by the other side: nothing to do.
        }
    }

    boolean isClosed() {
        return closed;
    }
}
