package dev.parley.telephony.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * UDP and TCP on one port, plus name lookup. Sends never block the loop: UDP sends are
 * immediate, TCP sends are queued on their connection, and names are looked up on an I/O
 * thread. Every failure comes back through the send's {@code onError}, on the loop.
 *
 * <p>A test seam: {@link #dropOutbound} and {@link #dropInbound} lose chosen messages, so
 * retransmission can be tested without a lossy network.
 */
final class Transports {

    private final UdpTransport udp;
    private final TcpTransport tcp;
    private final int port;
    private final IoThreads threads;
    private final SipLoop loop;
    private final Counters counters;
    volatile BiPredicate<byte[], Transport> dropOutbound = (bytes, transport) -> false;
    volatile BiPredicate<byte[], Transport> dropInbound = (bytes, transport) -> false;

    private Transports(DatagramChannel udpChannel, ServerSocketChannel tcpChannel, IoThreads threads, SipLoop loop,
            Counters counters, Inbound inbound, Duration connectTimeout) {
        this.threads = threads;
        this.loop = loop;
        this.counters = counters;
        Inbound filtered = (bytes, source) -> {
            if (dropInbound.test(bytes, source.transport())) {
                counters.droppedByFilter.increment();
                return;
            }
            inbound.onBytes(bytes, source);
        };
        this.port = ((InetSocketAddress) socketAddress(udpChannel)).getPort();
        this.udp = new UdpTransport(udpChannel, threads, counters, filtered);
        this.tcp = new TcpTransport(tcpChannel, threads, counters, filtered, connectTimeout);
    }

    /**
     * Binds UDP and TCP to the same port. With port 0 the UDP port is picked first and TCP
     * takes the same number; when that number is taken for TCP another is tried.
     */
    static Transports bind(InetAddress address, int port, IoThreads threads, SipLoop loop, Counters counters,
            Inbound inbound, Duration connectTimeout) {
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? 20 : 1); attempt++) {
            DatagramChannel udpChannel = null;
            try {
                udpChannel = UdpTransport.bind(new InetSocketAddress(address, port));
                int bound = ((InetSocketAddress) udpChannel.getLocalAddress()).getPort();
                ServerSocketChannel tcpChannel = TcpTransport.bind(new InetSocketAddress(address, bound));
                return new Transports(udpChannel, tcpChannel, threads, loop, counters, inbound, connectTimeout);
            } catch (IOException e) {
                last = e;
                closeQuietly(udpChannel);
            }
        }
        throw new UncheckedIOException("cannot bind SIP UDP and TCP on " + address + ":" + port, last);
    }

    int port() {
        return port;
    }

    /** Sends to {@code target}, looking its host up first when it is a name. {@code onError} runs on the loop. */
    void send(Target target, byte[] bytes, Runnable onError) {
        Runnable failed = () -> loop.execute(onError);
        Optional<InetAddress> literal = literal(target.host());
        if (literal.isPresent()) {
            send(target.transport(), new InetSocketAddress(literal.get(), target.port()), Optional.empty(), bytes,
                    failed);
            return;
        }
        threads.start("resolve-" + target.host(), () -> {
            try {
                InetAddress address = InetAddress.getByName(target.host());
                send(target.transport(), new InetSocketAddress(address, target.port()), Optional.empty(), bytes,
                        failed);
            } catch (UnknownHostException e) {
                counters.transportErrors.increment();
                failed.run();
            }
        });
    }

    /** Sends to an address; over TCP on {@code connection} while it is open (responses, §18.2.2). */
    void send(Transport transport, InetSocketAddress remote, Optional<TcpConnection> connection, byte[] bytes,
            Runnable onError) {
        if (dropOutbound.test(bytes, transport)) {
            counters.droppedByFilter.increment();
            counters.sent.increment();
            return;
        }
        counters.sent.increment();
        Runnable failed = () -> loop.execute(onError);
        if (transport == Transport.UDP) {
            udp.send(remote, bytes, failed);
        } else {
            tcp.send(connection, remote, bytes, failed);
        }
    }

    int tcpConnections() {
        return tcp.connections();
    }

    void close() {
        udp.close();
        tcp.close();
    }

    /** The address when {@code host} is an IPv4 or IPv6 literal (no lookup), else empty. */
    static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean looksLiteral = bare.indexOf(':') >= 0 || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!looksLiteral) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(bare));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static java.net.SocketAddress socketAddress(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing.
            }
        }
    }
}
