package dev.parley.platform.api;

/**
 * How the HTTP edge listens and what it accepts.
 *
 * @param host               the address to bind, {@code 0.0.0.0} for all
 * @param port               the TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes       larger request bodies are refused with 413
 * @param tokenRatePerSecond sustained requests per second per client on the token endpoints
 * @param tokenRateBurst     requests a client may make at once on the token endpoints
 * @param demoTokenEndpoint  whether {@code POST /demo/token} hands out tokens of the first account
 */
public record ApiSettings(String host, int port, long maxBodyBytes, double tokenRatePerSecond, int tokenRateBurst,
                          boolean demoTokenEndpoint) {
}
