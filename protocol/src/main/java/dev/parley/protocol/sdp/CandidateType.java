package dev.parley.protocol.sdp;

import java.util.Optional;

/** ICE candidate types (RFC 8445 section 5.1.1, {@code typ} in RFC 8839 section 5.1). */
public enum CandidateType {
    HOST("host"),
    SRFLX("srflx"),
    PRFLX("prflx"),
    RELAY("relay");

    private final String sdpName;

    CandidateType(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    public static Optional<CandidateType> fromSdpName(String name) {
        for (CandidateType type : values()) {
            if (type.sdpName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
