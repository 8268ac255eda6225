package dev.parley.platform.ddr;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's dynamic destination resolving: where Parley asks how to route a call, and
 * where it reports how calls ended.
 *
 * @param authorization the {@code Authorization} header value sent with both requests; never
 *                      shown by the API and left out of {@link #toString()}
 */
public record DynamicDestinationConfig(String accountId, URI callbackUrl, Optional<String> authorization,
                                       Optional<URI> statusUrl, Instant createdAt, Instant updatedAt) {

    public boolean hasAuthorization() {
        return authorization.isPresent();
    }

    @Override
    public String toString() {
        return "DynamicDestinationConfig[accountId=" + accountId + ", callbackUrl=" + callbackUrl
                + ", hasAuthorization=" + hasAuthorization() + ", statusUrl=" + statusUrl.map(URI::toString).orElse("")
                + "]";
    }
}
