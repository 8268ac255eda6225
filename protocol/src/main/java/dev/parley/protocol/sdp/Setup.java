package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * The DTLS role attribute {@code a=setup} (RFC 4145 section 4, used for DTLS by RFC 8842):
 * an offer says actpass, an answer picks active (DTLS client) or passive (DTLS server).
 */
public enum Setup {
    ACTPASS("actpass"),
    ACTIVE("active"),
    PASSIVE("passive"),
    HOLDCONN("holdconn");

    private final String sdpName;

    Setup(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    public static Optional<Setup> fromSdpName(String name) {
        for (Setup setup : values()) {
            if (setup.sdpName.equals(name)) {
                return Optional.of(setup);
            }
        }
        return Optional.empty();
    }

    static Setup parse(String value) {
        return fromSdpName(value.strip()).orElseThrow(
                () -> new IllegalArgumentException("unknown setup role " + Syntax.quote(value)));
    }
}
