package dev.parley.platform.account;

import java.time.Instant;

/** A tenant: everything else (keys, identities, calls, recordings) belongs to exactly one account. */
public record Account(String id, String name, Instant createdAt) {
}
