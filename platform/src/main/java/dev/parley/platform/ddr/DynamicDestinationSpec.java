package dev.parley.platform.ddr;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.telephony.Violations;
import java.net.URI;
import java.util.Optional;

/**
 * An account's dynamic destination settings as a caller asks for them.
 *
 * @param authorization empty: none when created, keep the stored value on a change;
 *                      {@code ""} removes it; anything else sets it. It goes out as an HTTP
 *                      header, so it must be visible ASCII (and spaces), at most 1024 characters.
 */
public record DynamicDestinationSpec(URI callbackUrl, Optional<String> authorization, Optional<URI> statusUrl) {

    static final int MAX_AUTHORIZATION = 1024;

    public DynamicDestinationSpec {
        checkAuthorization(authorization);
    }

    /** From the texts of a request; every field at fault is reported at once. */
    public static DynamicDestinationSpec of(String callbackUrl, Optional<String> authorization,
                                            Optional<String> statusUrl) {
        var violations = new Violations();
        Optional<URI> callback = violations.check(() -> CallbackUrl.parse("callbackUrl", callbackUrl));
        Optional<URI> status = statusUrl.flatMap(text -> violations.check(() -> CallbackUrl.parse("statusUrl", text)));
        violations.collect(() -> checkAuthorization(authorization));
        violations.throwIfAny();
        return new DynamicDestinationSpec(callback.orElseThrow(), authorization, status);
    }

    private static void checkAuthorization(Optional<String> authorization) {
        authorization.filter(value -> !value.isEmpty()).ifPresent(value -> {
            if (value.length() > MAX_AUTHORIZATION || value.isBlank()
                    || value.chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e)) {
                throw new InvalidInput("authorization", "must be 1 to " + MAX_AUTHORIZATION
                        + " visible ASCII characters or spaces, as an HTTP header value");
            }
        });
    }

    @Override
    public String toString() {
        return "DynamicDestinationSpec[callbackUrl=" + callbackUrl + ", authorization="
                + authorization.map(a -> a.isEmpty() ? "(remove)" : "(set)").orElse("(keep)")
                + ", statusUrl=" + statusUrl.map(URI::toString).orElse("") + "]";
    }
}
