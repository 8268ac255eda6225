package dev.parley.platform.api;

/**
 * How the HTTP edge listens and what it accepts.
 *
 * @param host               the address to bind, {@code 0.0.0.0} for all
 * @param port               the TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes       larger request bodies are refused with 413 (the image upload route has its own bound)
 * @param tokenRatePerSecond sustained requests per second per client on the token endpoints
 * @param tokenRateBurst     requests a client may make at once on the token endpoints
 * @param demoTokenEndpoint  whether {@code POST /demo/token} hands out tokens of the first account
 * @param callLinkBaseUrl    what a call link's URL starts with: {@code <callLinkBaseUrl>/l/<code>}, no trailing slash
 */
public record ApiSettings(String host, int port, long maxBodyBytes, double tokenRatePerSecond, int tokenRateBurst,
                          boolean demoTokenEndpoint, String callLinkBaseUrl) {

    /** As the full constructor, with call links under {@code http://localhost:<port>}. */
    public ApiSettings(String host, int port, long maxBodyBytes, double tokenRatePerSecond, int tokenRateBurst,
                       boolean demoTokenEndpoint) {
        this(host, port, maxBodyBytes, tokenRatePerSecond, tokenRateBurst, demoTokenEndpoint,
                "http://localhost:" + port);
    }
}
