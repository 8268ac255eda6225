package dev.parley.media.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses offered to peers as host candidates when none are configured: every IPv4
 * address of every interface that is up, loopback excluded (browsers ignore loopback
 * candidates), link-local excluded.
 */
public final class HostAddresses {

    private HostAddresses() {
    }

    public static List<InetAddress> discover() {
        var addresses = new ArrayList<InetAddress>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                nic.inetAddresses()
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .forEach(addresses::add);
            }
        } catch (SocketException e) {
            return List.of();
        }
        return List.copyOf(addresses);
    }
}
