package dev.parley.platform.calllink;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored configuration. {@link #BUILT_IN} is what applies to an account that has none: it
 * has no id and is never stored.
 */
public record CallLinkConfig(Optional<String> id, String name, boolean isDefault, InitialOptions initialOptions,
                             CallOptions callOptions, Theme theme, Optional<Instant> createdAt,
                             Optional<Instant> updatedAt) {

    public static final CallLinkConfig BUILT_IN = new CallLinkConfig(Optional.empty(), "Built-in default", true,
            InitialOptions.DEFAULTS, CallOptions.DEFAULTS, Theme.DEFAULTS, Optional.empty(), Optional.empty());

    /** The id of a stored configuration. */
    public String storedId() {
        return id.orElseThrow(() -> new IllegalStateException("the built-in configuration has no id"));
    }
}
