package dev.parley.platform.token;

import java.time.Instant;
import java.util.Optional;

/**
 * What a valid token says: who the end user is, in which account, until when. An OAuth
 * access token ({@link #application()}) names an app, not a user: its {@code identity} is
 * {@code app:<clientId>}, which no identity can be (identities have no colon), so nobody can
 * call it. {@code callLink} is the id of the call link an end user's token was issued for
 * (claim {@code callLink}); such a token may only do what that link allows.
 */
public record VerifiedIdentity(String identity, String accountId, Optional<String> displayName,
                               Optional<RecordingCapability> recording, String tokenId, Instant expiresAt,
                               boolean application, Optional<String> callLink) {

    public static final String APPLICATION_PREFIX = "app:";

    public VerifiedIdentity(String identity, String accountId, Optional<String> displayName,
                            Optional<RecordingCapability> recording, String tokenId, Instant expiresAt) {
        this(identity, accountId, displayName, recording, tokenId, expiresAt, false, Optional.empty());
    }

    public VerifiedIdentity(String identity, String accountId, Optional<String> displayName,
                            Optional<RecordingCapability> recording, String tokenId, Instant expiresAt,
                            boolean application) {
        this(identity, accountId, displayName, recording, tokenId, expiresAt, application, Optional.empty());
    }
}
