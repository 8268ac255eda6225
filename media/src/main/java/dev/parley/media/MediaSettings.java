package dev.parley.media;

import java.net.InetAddress;
import java.util.List;

/**
 * Where the media server listens and what it tells peers.
 *
 * @param port                the one UDP port every peer uses (0: any free port, for tests)
 * @param bindAddress         the local address to bind, usually the wildcard
 * @param announcedAddresses  the addresses offered to peers as host candidates; empty means
 *                            every non-loopback interface address (behind NAT, give the public one)
 */
public record MediaSettings(int port, InetAddress bindAddress, List<InetAddress> announcedAddresses) {

    public MediaSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        announcedAddresses = List.copyOf(announcedAddresses);
    }
}
