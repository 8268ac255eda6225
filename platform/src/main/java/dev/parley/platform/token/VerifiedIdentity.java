package dev.parley.platform.token;

import java.time.Instant;
import java.util.Optional;

/** What a valid identity token says: who the end user is, in which account, until when. */
public record VerifiedIdentity(String identity, String accountId, Optional<String> displayName,
                               Optional<RecordingCapability> recording, String tokenId, Instant expiresAt) {
}
