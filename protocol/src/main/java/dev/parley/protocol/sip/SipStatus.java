package dev.parley.protocol.sip;

import java.util.Map;

/** Status codes and their default reason phrases (RFC 3261 §21 and the registry). */
public final class SipStatus {

    public static final int TRYING = 100;
    public static final int RINGING = 180;
    public static final int SESSION_PROGRESS = 183;
    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int PROXY_AUTHENTICATION_REQUIRED = 407;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int UNSUPPORTED_URI_SCHEME = 416;
    public static final int BAD_EXTENSION = 420;
    public static final int TEMPORARILY_UNAVAILABLE = 480;
    public static final int CALL_DOES_NOT_EXIST = 481;
    public static final int LOOP_DETECTED = 482;
    public static final int TOO_MANY_HOPS = 483;
    public static final int BUSY_HERE = 486;
    public static final int REQUEST_TERMINATED = 487;
    public static final int NOT_ACCEPTABLE_HERE = 488;
    public static final int REQUEST_PENDING = 491;
    public static final int SERVER_INTERNAL_ERROR = 500;
    public static final int NOT_IMPLEMENTED = 501;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final int VERSION_NOT_SUPPORTED = 505;
    public static final int DECLINE = 603;

    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(100, "Trying"), Map.entry(180, "Ringing"), Map.entry(181, "Call Is Being Forwarded"),
            Map.entry(182, "Queued"), Map.entry(183, "Session Progress"), Map.entry(200, "OK"),
            Map.entry(202, "Accepted"), Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Moved Temporarily"), Map.entry(380, "Alternative Service"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(414, "Request-URI Too Long"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Unsupported URI Scheme"), Map.entry(420, "Bad Extension"),
            Map.entry(421, "Extension Required"), Map.entry(423, "Interval Too Brief"),
            Map.entry(480, "Temporarily Unavailable"), Map.entry(481, "Call/Transaction Does Not Exist"),
            Map.entry(482, "Loop Detected"), Map.entry(483, "Too Many Hops"), Map.entry(484, "Address Incomplete"),
            Map.entry(485, "Ambiguous"), Map.entry(486, "Busy Here"), Map.entry(487, "Request Terminated"),
            Map.entry(488, "Not Acceptable Here"), Map.entry(491, "Request Pending"),
            Map.entry(493, "Undecipherable"), Map.entry(500, "Server Internal Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Server Time-out"), Map.entry(505, "Version Not Supported"),
            Map.entry(513, "Message Too Large"), Map.entry(600, "Busy Everywhere"), Map.entry(603, "Decline"),
            Map.entry(604, "Does Not Exist Anywhere"), Map.entry(606, "Not Acceptable"));

    private SipStatus() {
    }

    /** The RFC's reason phrase for {@code status}, or a generic one for its class. */
    public static String reasonPhrase(int status) {
        String phrase = PHRASES.get(status);
        if (phrase != null) {
            return phrase;
        }
        return switch (status / 100) {
            case 1 -> "Progress";
            case 2 -> "OK";
            case 3 -> "Redirect";
            case 4 -> "Client Error";
            case 5 -> "Server Error";
            default -> "Global Failure";
        };
    }

    public static boolean isProvisional(int status) {
        return status >= 100 && status < 200;
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    public static boolean isFinal(int status) {
        return status >= 200;
    }
}
