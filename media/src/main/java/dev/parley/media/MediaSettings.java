package dev.parley.media;

import dev.parley.media.transport.TransportKind;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Where the media server listens and what it tells peers.
 *
 * @param port                the one UDP port every peer uses (0: any free port, for tests)
 * @param bindAddress         the local address to bind, usually the wildcard
 * @param announcedAddresses  the addresses offered to peers as host candidates; empty means
 *                            every non-loopback interface address (behind NAT, give the public one)
 * @param transport           how the port talks to the kernel; default {@link TransportKind#AUTO}: the
 *                            system property {@value TransportKind#PROPERTY} if set, else batched
 *                            {@code recvmmsg}/{@code sendmmsg} where available, else NIO
 * @param codecThreads        threads that transcode for phone legs; 0: one per core the media loop
 *                            leaves free (cores - 1, at least one)
 */
public record MediaSettings(int port, InetAddress bindAddress, List<InetAddress> announcedAddresses,
                            TransportKind transport, int codecThreads) {

    public MediaSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        announcedAddresses = List.copyOf(announcedAddresses);
        Objects.requireNonNull(transport, "transport");
        if (codecThreads < 0) {
            throw new IllegalArgumentException("codecThreads " + codecThreads);
        }
    }

    public MediaSettings(int port, InetAddress bindAddress, List<InetAddress> announcedAddresses, TransportKind transport) {
        this(port, bindAddress, announcedAddresses, transport, 0);
    }

    /** The codec pool's size: {@link #codecThreads} when set, else cores - 1, at least one. */
    public int codecPoolSize() {
        return codecThreads > 0 ? codecThreads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** With the {@link TransportKind#AUTO} transport. */
    public MediaSettings(int port, InetAddress bindAddress, List<InetAddress> announcedAddresses) {
        this(port, bindAddress, announcedAddresses, TransportKind.AUTO, 0);
    }
}
