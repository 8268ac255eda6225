package dev.parley.platform.ddr;

/**
 * Why the callback URL could not route a call. The ids are those of the call end codes of
 * the same names in {@code calls.ErrorCode} (the calls map one onto the other by name).
 */
public enum ResolveFailure {
    /** The URL answered, with a status other than 2xx. */
    URL_NOT_FOUND(10400),
    /** No answer in time: refused, unreachable, reset, or too slow. */
    URL_UNREACHABLE(10401),
    /** A 2xx answer that is not {@code {action, destination, source?}} with valid values. */
    INVALID_RESPONSE(10402);

    private final int code;

    ResolveFailure(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
