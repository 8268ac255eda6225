package dev.parley.telephony.sip;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a received message came from: the transport, the remote address, and for TCP the
 * connection, so responses go back on it (RFC 3261 §18.2.2).
 */
record Source(Transport transport, InetSocketAddress remote, Optional<TcpConnection> connection) {

    Source {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(connection, "connection");
    }

    static Source udp(InetSocketAddress remote) {
        return new Source(Transport.UDP, remote, Optional.empty());
    }
}
