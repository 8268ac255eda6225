package dev.parley.media.endpoint;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which endpoint a datagram on the shared port belongs to: STUN checks by the local ICE
 * username fragment (the only thing known before a peer's address is), everything else by
 * the remote address ICE selected. Media loop only.
 */
public final class EndpointDirectory {

    private final Map<String, Endpoint> byUfrag = new HashMap<>();
    private final Map<InetSocketAddress, Endpoint> byAddress = new HashMap<>();

    void addUfrag(String ufrag, Endpoint endpoint) {
        if (byUfrag.putIfAbsent(ufrag, endpoint) != null) {
            throw new IllegalStateException("ICE ufrag " + ufrag + " is already in use");
        }
    }

    void removeUfrag(String ufrag, Endpoint endpoint) {
        byUfrag.remove(ufrag, endpoint);
    }

    void bindAddress(InetSocketAddress address, Endpoint endpoint) {
        Endpoint previous = byAddress.put(address, endpoint);
        if (previous != null && previous != endpoint) {
            previous.addressTakenOver(address);
        }
    }

    void unbindAddress(InetSocketAddress address, Endpoint endpoint) {
        byAddress.remove(address, endpoint);
    }

    public Optional<Endpoint> byUfrag(String ufrag) {
        return Optional.ofNullable(byUfrag.get(ufrag));
    }

    public Endpoint byAddress(InetSocketAddress address) {
        return byAddress.get(address);
    }

    public int size() {
        return byUfrag.size();
    }

    public int boundAddresses() {
        return byAddress.size();
    }
}
