package dev.parley.platform.calllink;

import java.util.Map;
import java.util.Optional;

/**
 * A link as a client asks for it. The destination's fields are checked by the service (the
 * caller ID against the account's numbers), the window by {@link WindowSpec}.
 */
public record LinkSpec(Optional<String> identity, Optional<String> displayName, boolean showIdentity,
                       Map<String, String> customData, Optional<String> configId, Destination destination,
                       WindowSpec validityWindow) {

    public LinkSpec {
        customData = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customData));
    }
}
