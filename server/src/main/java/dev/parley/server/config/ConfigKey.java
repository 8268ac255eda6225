package dev.parley.server.config;

import java.util.Locale;

/**
 * One configuration key: its name in the config file, its environment variable, its default
 * and what it means. {@link ConfigKeys#ALL} is the complete list; docs/configuration.md
 * documents every entry and a test keeps the two in step.
 */
public record ConfigKey(String name, String defaultValue, String description) {

    /** {@code http.max-body-bytes} is read from {@code PARLEY_HTTP_MAX_BODY_BYTES}. */
    public String environmentVariable() {
        return "PARLEY_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
