package dev.parley.telephony.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIP over TCP (RFC 3261 §18): a listener on the stack's port, and connections by remote
 * address, shared by both directions: a request to an address we already have a connection
 * with (accepted or opened) goes on it, as RFC 5923-minded peers like sipp expect.
 */
final class TcpTransport {

    private final ServerSocketChannel server;
    private final ConcurrentHashMap<InetSocketAddress, TcpConnection> connections = new ConcurrentHashMap<>();
    private final IoThreads threads;
    private final Counters counters;
    private final Inbound inbound;
    private final Duration connectTimeout;
    private volatile boolean closed;

    TcpTransport(ServerSocketChannel server, IoThreads threads, Counters counters, Inbound inbound,
            Duration connectTimeout) {
        this.server = server;
        this.threads = threads;
        this.counters = counters;
        this.inbound = inbound;
        this.connectTimeout = connectTimeout;
        threads.start("tcp-accept", this::acceptLoop);
    }

    static ServerSocketChannel bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends on the connection with {@code remote}, opening one when there is none. */
    void send(InetSocketAddress remote, byte[] bytes, Runnable onError) {
        if (closed) {
            onError.run();
            return;
        }
        TcpConnection connection = connections.compute(remote,
                (address, existing) -> existing != null && existing.isOpen() ? existing
                        : TcpConnection.opened(address, this));
        connection.send(bytes, onError);
    }

    /** Sends on {@code connection} when it is still open, else on a connection with its remote address. */
    void send(Optional<TcpConnection> connection, InetSocketAddress remote, byte[] bytes, Runnable onError) {
        if (connection.isPresent() && connection.get().isOpen()) {
            connection.get().send(bytes, onError);
        } else {
            send(remote, bytes, onError);
        }
    }

    int connections() {
        return connections.size();
    }

    void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        // What closing calls queued (their BYEs) still goes out before the connections close.
        List.copyOf(connections.values()).forEach(connection -> connection.closeGracefully(java.time.Duration.ofMillis(500)));
    }

    IoThreads threads() {
        return threads;
    }

    Counters counters() {
        return counters;
    }

    Inbound inbound() {
        return inbound;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    void forget(TcpConnection connection) {
        connections.remove(connection.remote(), connection);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                var remote = (InetSocketAddress) channel.getRemoteAddress();
                if (closed) {
                    channel.close();
                    break;
                }
                TcpConnection previous = connections.put(remote, TcpConnection.accepted(channel, remote, this));
                if (previous != null) {
                    previous.close();
                }
            } catch (IOException e) {
                if (!closed) {
                    counters.transportErrors.increment();
                }
            }
        }
    }
}
