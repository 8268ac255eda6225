package dev.parley.platform.account;

/**
 * A key just issued, with the full key text the caller must keep. This is the only moment
 * the text exists: only a hash of its secret is stored.
 */
public record IssuedApiKey(ApiKey key, String text) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + key.id() + "]";
    }
}
