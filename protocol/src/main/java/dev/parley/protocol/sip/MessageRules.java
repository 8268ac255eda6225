package dev.parley.protocol.sip;

import static dev.parley.protocol.sip.HeaderNames.CALL_ID;
import static dev.parley.protocol.sip.HeaderNames.CONTACT;
import static dev.parley.protocol.sip.HeaderNames.CONTENT_TYPE;
import static dev.parley.protocol.sip.HeaderNames.CSEQ;
import static dev.parley.protocol.sip.HeaderNames.FROM;
import static dev.parley.protocol.sip.HeaderNames.MAX_FORWARDS;
import static dev.parley.protocol.sip.HeaderNames.RECORD_ROUTE;
import static dev.parley.protocol.sip.HeaderNames.ROUTE;
import static dev.parley.protocol.sip.HeaderNames.TO;
import static dev.parley.protocol.sip.HeaderNames.VIA;

import java.util.List;
import java.util.Optional;

/**
 * What makes a message well-formed. The core rules (RFC 3261 §8.1.1: Via, From, To, Call-ID
 * and CSeq present once and parsable, the CSeq method matching the request's) hold for every
 * {@link SipRequest} and {@link SipResponse}, so their typed accessors never fail. The
 * remaining rules are checked when parsing received bytes.
 */
final class MessageRules {

    private MessageRules() {
    }

    /** The first core rule {@code headers} break, or empty. {@code method} is the request's, empty for a response. */
    static Optional<String> core(SipHeaders headers, Optional<String> method) {
        List<String> vias = headers.all(VIA);
        if (vias.isEmpty()) {
            return Optional.of("missing Via");
        }
        if (vias.stream().anyMatch(v -> Via.parse(v).isEmpty())) {
            return Optional.of("malformed Via");
        }
        for (String name : List.of(FROM, TO, CALL_ID, CSEQ)) {
            int count = headers.count(name);
            if (count == 0) {
                return Optional.of("missing " + name);
            }
            if (count > 1) {
                return Optional.of("more than one " + name);
            }
        }
        if (NameAddr.parse(headers.first(FROM).orElseThrow()).isEmpty()) {
            return Optional.of("malformed From");
        }
        if (NameAddr.parse(headers.first(TO).orElseThrow()).isEmpty()) {
            return Optional.of("malformed To");
        }
        if (!isCallId(headers.first(CALL_ID).orElseThrow())) {
            return Optional.of("malformed Call-ID");
        }
        Optional<CSeq> cseq = CSeq.parse(headers.first(CSEQ).orElseThrow());
        if (cseq.isEmpty()) {
            return Optional.of("malformed CSeq");
        }
        if (method.isPresent() && !cseq.get().method().equals(method.get())) {
            return Optional.of("CSeq method does not match the request method");
        }
        return Optional.empty();
    }

    /** The first rule beyond the core ones that {@code headers} break (checked on received messages), or empty. */
    static Optional<String> extended(SipHeaders headers) {
        for (SipHeader header : headers.list()) {
            if (HeaderNames.isSingle(header.name()) && headers.count(header.name()) > 1) {
                return Optional.of("more than one " + header.name());
            }
        }
        Optional<String> maxForwards = headers.first(MAX_FORWARDS);
        if (maxForwards.isPresent() && maxForwards(maxForwards.get()) < 0) {
            return Optional.of("malformed Max-Forwards");
        }
        List<String> contacts = headers.all(CONTACT);
        boolean star = contacts.contains("*");
        if (star && contacts.size() > 1) {
            return Optional.of("Contact * with other contacts");
        }
        if (!star && contacts.stream().anyMatch(c -> NameAddr.parse(c).isEmpty())) {
            return Optional.of("malformed Contact");
        }
        for (String name : List.of(ROUTE, RECORD_ROUTE)) {
            if (headers.all(name).stream().anyMatch(r -> NameAddr.parse(r).isEmpty())) {
                return Optional.of("malformed " + name);
            }
        }
        Optional<String> contentType = headers.first(CONTENT_TYPE);
        if (contentType.isPresent() && !isMediaType(contentType.get())) {
            return Optional.of("malformed Content-Type");
        }
        return Optional.empty();
    }

    /** Max-Forwards as a number 0..255 (§20.22), or -1. */
    static int maxForwards(String value) {
        long parsed = SipScanner.parseNumber(value, 3);
        return parsed < 0 || parsed > 255 ? -1 : (int) parsed;
    }

    /** callid = word [ "@" word ]; word characters are token characters plus {@code ( ) < > : \ " / [ ] ? { }}. */
    static boolean isCallId(String value) {
        if (value.isEmpty()) {
            return false;
        }
        int at = value.indexOf('@');
        if (at >= 0 && value.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '@' && !SipScanner.isTokenChar(c) && "()<>:\\\"/[]?{}".indexOf(c) < 0) {
                return false;
            }
        }
        return at != 0 && at != value.length() - 1;
    }

    /** media-type = type "/" subtype *( SEMI m-parameter ). */
    private static boolean isMediaType(String value) {
        var sc = new SipScanner(value);
        sc.skipWs();
        if (sc.token().isEmpty() || !sc.consumeSeparator('/') || sc.token().isEmpty()) {
            return false;
        }
        return Parameters.parseHeaderParams(sc).isPresent() && sc.atEnd();
    }
}
