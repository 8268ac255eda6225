package dev.parley.platform.calllink;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A stored link. {@code code} is the random part of its URL; {@code configId} empty means the
 * account's default configuration. {@code usedAt} is when a call used a one-time link up.
 */
public record CallLink(String id, String accountId, String code, Optional<String> identity,
                       Optional<String> displayName, boolean showIdentity, Map<String, String> customData,
                       Optional<String> configId, Destination destination, ValidityWindow validityWindow,
                       Optional<Instant> usedAt, Instant createdAt) {

    public CallLink {
        customData = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customData));
    }

    /** The state at {@code now}. */
    public LinkState state(Instant now) {
        return Validity.state(validityWindow, usedAt, destination.type(), now);
    }

    /** One-time, and the destination is one where that applies (not a room). */
    public boolean usedUpByACall() {
        return validityWindow.oneTime() && destination.type() != Destination.Type.ROOM;
    }
}
