package dev.parley.platform.token;

import dev.parley.platform.common.InvalidInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated request for an identity token: who the end user is, how they are shown, how
 * long the token lives and their recording preference. {@code callLink}, when set, is the id
 * of the call link the token was issued for: signaling then lets it do only what that link
 * allows.
 */
public record IdentityTokenRequest(String identity, Optional<String> displayName, Duration timeToLive,
                                   Optional<RecordingCapability> recording, Optional<String> callLink) {

    /** The identity syntax shared by the REST API, the SDK and signaling. */
    public static final Pattern IDENTITY = Pattern.compile("^[\\p{L}\\p{N}\\w.\\-+=/]{3,64}$");
    public static final int MAX_DISPLAY_NAME = 50;

    /** A token for an end user of the account's own apps (no call link). */
    public IdentityTokenRequest(String identity, Optional<String> displayName, Duration timeToLive,
                                Optional<RecordingCapability> recording) {
        this(identity, displayName, timeToLive, recording, Optional.empty());
    }

    public IdentityTokenRequest {
        var violations = new ArrayList<InvalidInput.Violation>();
        if (identity == null || !IDENTITY.matcher(identity).matches()) {
            violations.add(new InvalidInput.Violation("identity",
                    "must be 3 to 64 letters, digits or the characters _ . - + = /"));
        }
        displayName.ifPresent(name -> {
            int length = name.codePointCount(0, name.length());
            if (length < 1 || length > MAX_DISPLAY_NAME || name.isBlank()) {
                violations.add(new InvalidInput.Violation("displayName",
                        "must be 1 to " + MAX_DISPLAY_NAME + " characters and not blank"));
            } else if (name.chars().anyMatch(Character::isISOControl)) {
                violations.add(new InvalidInput.Violation("displayName", "must not contain control characters"));
            }
        });
        if (timeToLive.isNegative() || timeToLive.isZero() || timeToLive.compareTo(TokenLimits.MAX_IDENTITY_TTL) > 0) {
            violations.add(new InvalidInput.Violation("timeToLive",
                    "must be between 1 and " + TokenLimits.MAX_IDENTITY_TTL.toSeconds() + " seconds"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(List.copyOf(violations));
        }
    }

    public static IdentityTokenRequest of(String identity) {
        return new IdentityTokenRequest(identity, Optional.empty(), TokenLimits.DEFAULT_IDENTITY_TTL, Optional.empty());
    }
}
