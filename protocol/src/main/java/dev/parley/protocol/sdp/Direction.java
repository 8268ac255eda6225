package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * Media direction attributes of RFC 8866 section 6.7 ({@code a=sendrecv}, {@code a=sendonly},
 * {@code a=recvonly}, {@code a=inactive}), also used for the direction of an RFC 8285
 * {@code a=extmap}. Without any of them a media section is sendrecv.
 */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String sdpName;

    Direction(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    /** The direction an answer gives to an offered one (RFC 3264 section 6.1): send becomes receive. */
    public Direction reversed() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case SENDRECV, INACTIVE -> this;
        };
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public static Optional<Direction> fromSdpName(String name) {
        for (Direction direction : values()) {
            if (direction.sdpName.equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
