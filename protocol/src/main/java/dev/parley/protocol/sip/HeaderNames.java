package dev.parley.protocol.sip;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header names: canonical spelling, compact forms (RFC 3261 §7.3.3 and the registry), which
 * headers are comma-separated lists, and which may appear only once.
 */
public final class HeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String ALLOW = "Allow";
    public static final String ACCEPT = "Accept";
    public static final String SUPPORTED = "Supported";
    public static final String REQUIRE = "Require";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String REASON = "Reason";
    public static final String WARNING = "Warning";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String TIMESTAMP = "Timestamp";

    private static final Map<String, String> CANONICAL = new HashMap<>();

    /** Headers whose values are comma-separated lists (§7.3.1), split into one value each. */
    private static final Set<String> LISTS = Set.of(VIA, CONTACT, ROUTE, RECORD_ROUTE, ALLOW, SUPPORTED, REQUIRE,
            "Proxy-Require", UNSUPPORTED, ACCEPT, "Accept-Encoding", "Accept-Language", "Content-Encoding",
            "Content-Language", "Allow-Events", REASON, WARNING, "Call-Info", "Alert-Info", "Error-Info",
            "In-Reply-To", "P-Asserted-Identity", "Path", "Service-Route", "Accept-Contact", "Reject-Contact");

    /** Headers that may appear at most once (RFC 4475 §3.3.x multi01 repeats them and is refused). */
    private static final Set<String> SINGLE = Set.of(FROM, TO, CALL_ID, CSEQ, MAX_FORWARDS, CONTENT_LENGTH,
            CONTENT_TYPE);

    static {
        for (String name : new String[] {VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, CONTENT_TYPE,
                CONTENT_LENGTH, ROUTE, RECORD_ROUTE, WWW_AUTHENTICATE, AUTHORIZATION, PROXY_AUTHENTICATE,
                PROXY_AUTHORIZATION, ALLOW, ACCEPT, SUPPORTED, REQUIRE, UNSUPPORTED, USER_AGENT, SERVER, REASON,
                WARNING, RETRY_AFTER, TIMESTAMP, "Proxy-Require", "Accept-Encoding", "Accept-Language",
                "Content-Encoding", "Content-Language", "Content-Disposition", "Allow-Events", "Call-Info",
                "Alert-Info", "Error-Info", "In-Reply-To", "P-Asserted-Identity", "Path", "Service-Route",
                "Accept-Contact", "Reject-Contact", "Subject", "Expires", "Min-Expires", "Date", "Organization",
                "Priority", "MIME-Version", "Event", "Refer-To", "Referred-By", "Session-Expires", "Min-SE",
                "RSeq", "RAck", "Identity", "Privacy", "Request-Disposition"}) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
        String[][] compact = {{"v", VIA}, {"f", FROM}, {"t", TO}, {"i", CALL_ID}, {"m", CONTACT},
                {"l", CONTENT_LENGTH}, {"c", CONTENT_TYPE}, {"e", "Content-Encoding"}, {"k", SUPPORTED},
                {"s", "Subject"}, {"o", "Event"}, {"r", "Refer-To"}, {"b", "Referred-By"}, {"u", "Allow-Events"},
                {"x", "Session-Expires"}, {"y", "Identity"}, {"a", "Accept-Contact"}, {"j", "Reject-Contact"},
                {"d", "Request-Disposition"}};
        for (String[] pair : compact) {
            CANONICAL.put(pair[0], pair[1]);
        }
    }

    private HeaderNames() {
    }

    /** The canonical spelling of a known name or compact form; other names as given. */
    public static String canonical(String name) {
        return CANONICAL.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    public static boolean isList(String canonicalName) {
        return LISTS.contains(canonicalName);
    }

    public static boolean isSingle(String canonicalName) {
        return SINGLE.contains(canonicalName);
    }
}
