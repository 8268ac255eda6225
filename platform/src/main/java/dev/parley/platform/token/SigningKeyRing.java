package dev.parley.platform.token;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The signing keys in use: the newest active key signs, and every key that may still have
 * unexpired tokens is published. The ring re-reads the table every {@code refreshInterval},
 * so a rotation made by the admin command line in another process reaches a running server
 * without a restart.
 */
public final class SigningKeyRing {

    /** How long a retired key stays published: the longest token lifetime plus clock skew. */
    public static final Duration RETENTION = TokenLimits.MAX_IDENTITY_TTL.plus(Duration.ofMinutes(5));

    private record Snapshot(SigningKey active, List<SigningKey> published, Map<String, Object> jwks, Instant loadedAt) {
    }

    private final SigningKeyStore store;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Snapshot snapshot;

    public SigningKeyRing(SigningKeyStore store, Clock clock, Duration refreshInterval) {
        this.store = store;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** The key that signs new tokens; creates the first one when the table has none. */
    public SigningKey activeKey() {
        return current().active();
    }

    /** Every publishable key, newest first. */
    public List<SigningKey> publishedKeys() {
        return current().published();
    }

    /** The JWK Set document (public keys only). */
    public Map<String, Object> jwks() {
        return current().jwks();
    }

    /** Adds a new active key and retires the previous one, which stays published for {@link #RETENTION}. */
    public SigningKey rotate() {
        Instant now = clock.instant();
        SigningKey key = SigningKey.generate(now);
        store.addAndRetireOthers(key, now);
        reload();
        return key;
    }

    /** Reads the table again now. */
    public synchronized void reload() {
        Instant now = clock.instant();
        store.deleteRetiredBefore(now.minus(RETENTION));
        List<SigningKey> keys = store.publishable(now.minus(RETENTION));
        if (keys.stream().noneMatch(k -> k.retiredAt().isEmpty())) {
            store.addIfNoneActive(SigningKey.generate(now));
            keys = store.publishable(now.minus(RETENTION));
        }
        SigningKey active = keys.stream().filter(k -> k.retiredAt().isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active signing key after creating one"));
        var jwks = new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.publicJwk()).toList());
        snapshot = new Snapshot(active, List.copyOf(keys), Map.copyOf(jwks.toJSONObject(true)), now);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || !clock.instant().isBefore(s.loadedAt().plus(refreshInterval))) {
            synchronized (this) {
                s = snapshot;
                if (s == null || !clock.instant().isBefore(s.loadedAt().plus(refreshInterval))) {
                    reload();
                    s = snapshot;
                }
            }
        }
        return s;
    }
}
