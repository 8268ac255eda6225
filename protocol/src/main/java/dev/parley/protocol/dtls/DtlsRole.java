package dev.parley.protocol.dtls;

/**
 * Which side of the DTLS handshake we play (RFC 5763 §5, RFC 8842 §5).
 *
 * <p>The role follows the SDP {@code a=setup} attribute, not the offer/answer role: the endpoint
 * that ends up {@code active} sends the ClientHello and is the {@link #CLIENT}; the
 * {@code passive} one is the {@link #SERVER}. The offerer says {@code actpass}, so the answer
 * decides: an answerer that answers {@code setup:active} is the client.
 */
public enum DtlsRole {
    CLIENT,
    SERVER
}
