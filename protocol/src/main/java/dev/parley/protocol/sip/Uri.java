package dev.parley.protocol.sip;

import java.util.Optional;

/**
 * A URI as SIP carries it in the Request-URI, To, From, Contact and Route: a {@link SipUri}
 * ({@code sip:}, {@code sips:}; RFC 3261 §19.1), a {@link TelUri} ({@code tel:}; RFC 3966),
 * or any other absolute URI kept as text ({@link GenericUri}), which RFC 3261 §8.2.2.1 lets a
 * message carry even when the receiver cannot use it.
 */
public sealed interface Uri permits SipUri, TelUri, GenericUri {

    /** The scheme in lower case: {@code sip}, {@code sips}, {@code tel}, or another. */
    String scheme();

    /** The URI as it goes on the wire. */
    String write();

    /** Parses an absolute URI; empty (never an exception) when it is not one. */
    static Optional<Uri> parse(String text) {
        return UriParser.parse(text);
    }
}
