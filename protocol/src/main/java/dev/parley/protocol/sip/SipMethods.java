package dev.parley.protocol.sip;

import java.util.Set;

/** Method names (RFC 3261 §7.1 and the extensions Parley recognises, so it can answer 405 rather than 501). */
public final class SipMethods {

    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";

    /** Methods defined by RFC 3261 and its common extensions (PRACK, SUBSCRIBE, NOTIFY, REFER, ...). */
    public static final Set<String> KNOWN = Set.of(INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, "PRACK",
            "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    private SipMethods() {
    }

    /** Whether {@code method} is a method some RFC defines (method names are case-sensitive, §7.1). */
    public static boolean isKnown(String method) {
        return KNOWN.contains(method);
    }
}
