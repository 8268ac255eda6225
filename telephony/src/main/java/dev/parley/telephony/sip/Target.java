package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipUri;
import dev.parley.protocol.sip.Uri;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a request goes: transport, host (a literal address or a name to look up) and port.
 * RFC 3263's NAPTR and SRV steps are not done: a name is looked up with A/AAAA records, and
 * the port is the URI's or 5060.
 */
record Target(Transport transport, String host, int port) {

    Target {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
    }

    /**
     * The target for a URI (§8.1.2: the first Route, else the Request-URI): its host and
     * port, and its {@code transport} parameter when present, else {@code fallback}.
     */
    static Target of(Uri uri, Transport fallback) {
        if (!(uri instanceof SipUri sip)) {
            throw new SipException(416, "Unsupported URI Scheme");
        }
        Transport transport = sip.transport().map(t -> t.toLowerCase(Locale.ROOT))
                .map(t -> t.equals("tcp") ? Transport.TCP : t.equals("udp") ? Transport.UDP : fallback)
                .orElse(fallback);
        return new Target(transport, sip.hostForLookup(), sip.portOrDefault());
    }
}
