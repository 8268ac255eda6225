package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SIP request or response (RFC 3261 §7). Every message holds a Via, From, To, Call-ID and
 * CSeq that parse (the constructors check), so the typed accessors below never fail. The
 * body is opaque bytes; Content-Length is computed when writing.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    SipHeaders headers();

    /** The body bytes (a copy). */
    byte[] body();

    /** The bytes to send: start line, headers, a Content-Length matching the body, the body. */
    byte[] toBytes();

    default Optional<String> header(String name) {
        return headers().first(name);
    }

    default List<String> headerValues(String name) {
        return headers().all(name);
    }

    default String callId() {
        return headers().first(HeaderNames.CALL_ID).orElseThrow();
    }

    default CSeq cseq() {
        return CSeq.parse(headers().first(HeaderNames.CSEQ).orElseThrow()).orElseThrow();
    }

    default NameAddr from() {
        return NameAddr.parse(headers().first(HeaderNames.FROM).orElseThrow()).orElseThrow();
    }

    default NameAddr to() {
        return NameAddr.parse(headers().first(HeaderNames.TO).orElseThrow()).orElseThrow();
    }

    default List<Via> vias() {
        return headers().all(HeaderNames.VIA).stream().map(v -> Via.parse(v).orElseThrow()).toList();
    }

    default Via topVia() {
        return Via.parse(headers().first(HeaderNames.VIA).orElseThrow()).orElseThrow();
    }

    /** The Contact values that are addresses ({@code *} is left out). */
    default List<NameAddr> contacts() {
        return addresses(HeaderNames.CONTACT);
    }

    default Optional<NameAddr> contact() {
        return contacts().stream().findFirst();
    }

    default List<NameAddr> routes() {
        return addresses(HeaderNames.ROUTE);
    }

    default List<NameAddr> recordRoutes() {
        return addresses(HeaderNames.RECORD_ROUTE);
    }

    /** Max-Forwards when present and valid (0..255). */
    default OptionalInt maxForwards() {
        int value = headers().first(HeaderNames.MAX_FORWARDS).map(MessageRules::maxForwards).orElse(-1);
        return value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    default Optional<String> contentType() {
        return headers().first(HeaderNames.CONTENT_TYPE);
    }

    /** The body as UTF-8 text (SDP). */
    default String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    default boolean hasBody() {
        return body().length > 0;
    }

    private List<NameAddr> addresses(String name) {
        return headers().all(name).stream().map(NameAddr::parse).flatMap(Optional::stream).toList();
    }
}
