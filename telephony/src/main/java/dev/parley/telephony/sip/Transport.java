package dev.parley.telephony.sip;

import java.util.Locale;

/** The transports a {@link SipStack} serves, both on its one port. TLS is not there yet. */
public enum Transport {
    UDP, TCP;

    /** The name in a Via ({@code UDP}) and, lower-cased, in a {@code transport=} URI parameter. */
    public String viaName() {
        return name();
    }

    String uriParam() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the transport retransmits by itself (RFC 3261 §17: no timer A/E/G over TCP, timers D/I/J/K are 0). */
    boolean isReliable() {
        return this == TCP;
    }
}
