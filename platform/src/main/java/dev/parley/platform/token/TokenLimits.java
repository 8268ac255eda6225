package dev.parley.platform.token;

import java.time.Duration;

/** Lifetimes of the tokens Parley issues. */
public final class TokenLimits {

    public static final Duration DEFAULT_IDENTITY_TTL = Duration.ofHours(8);
    public static final Duration MAX_IDENTITY_TTL = Duration.ofHours(24);
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofSeconds(600);

    private TokenLimits() {
    }
}
