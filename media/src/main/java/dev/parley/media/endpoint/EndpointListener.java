package dev.parley.media.endpoint;

/** What an endpoint tells its owner, on the media loop. */
public interface EndpointListener {

    /** ICE and DTLS are done; media flows. */
    default void onConnected(Endpoint endpoint) {
    }

    /** The peer moved to another address (network change) and media follows it. */
    default void onAddressChanged(Endpoint endpoint) {
    }

    /** The endpoint closed: by its owner, by the peer, by a failed handshake or lost consent. */
    default void onClosed(Endpoint endpoint, String reason) {
    }

    /** A packet arrived on an SSRC the endpoint does not know yet; return true if it was claimed. */
    default boolean onUnknownSsrc(Endpoint endpoint, long ssrc, byte[] packet, int offset, int length, int headerLength) {
        return false;
    }

    EndpointListener NONE = new EndpointListener() {
    };
}
