package dev.parley.protocol.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** RFC 4475: the valid torture messages parse (and survive a write and re-parse), the invalid ones are refused. */
class SipTortureTest {

    @TestFactory
    Stream<DynamicTest> validMessagesParseAndRoundTrip() {
        return Rfc4475.valid().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            var result = SipParser.parseDetailed(Rfc4475.bytes(e.getValue()));
            var parsed = assertInstanceOf(SipParseResult.Parsed.class, result, () -> e.getKey() + ": " + result);
            SipMessage again = SipParser.parse(parsed.message().toBytes()).orElseThrow();
            assertEquals(parsed.message(), again, e.getKey() + " changed in a write and re-parse");
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidMessagesAreRefusedForTheRightReason() {
        return Rfc4475.invalid().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            var result = SipParser.parseDetailed(Rfc4475.bytes(e.getValue().message()));
            var refused = assertInstanceOf(SipParseResult.Refused.class, result, e.getKey());
            assertEquals(e.getValue().reason(), refused.reason(), e.getKey());
        }));
    }

    @Test
    void refusalsAreCounted() {
        long before = SipParser.malformedCount();
        SipParser.parse(Rfc4475.bytes(Rfc4475.invalid().get("ncl").message()));
        assertTrue(SipParser.malformedCount() > before);
    }

    @Test
    void shortTortuousInvite() {
        var invite = (SipRequest) SipParser.parse(Rfc4475.bytes(Rfc4475.WSINV)).orElseThrow();
        assertEquals("INVITE", invite.method());
        assertEquals("sip:vivekg@chair-dnrc.example.com;unknownparam", invite.requestUri().write());
        assertEquals(Optional.of("1918181833n"), invite.to().tag());
        assertEquals(Optional.of("J Rosenberg \\\""), invite.from().displayName());
        assertEquals(Optional.of("98asjd8"), invite.from().tag());
        assertEquals(68, invite.maxForwards().orElseThrow());
        assertEquals(new CSeq(9, "INVITE"), invite.cseq());
        assertEquals("wsinv.ndaksdj@192.0.2.1", invite.callId());
        List<Via> vias = invite.vias();
        assertEquals(3, vias.size());
        assertEquals("192.0.2.2", vias.get(0).host());
        assertEquals(Optional.of("390skdjuw"), vias.get(0).branch());
        assertEquals("TCP", vias.get(1).transport());
        assertEquals(Optional.of("z9hG4bK9ikj8"), vias.get(1).branch());
        assertEquals(Optional.of("z9hG4bK30239"), vias.get(2).branch());
        assertEquals(Optional.of(""), invite.header("Subject"));
        assertEquals(Optional.of("newfangled value continued newfangled value"), invite.header("newfangledheader"));
        assertEquals(Optional.of(";;,,;;,;"), invite.header("UnknownHeaderWithUnusualValue"));
        NameAddr contact = invite.contact().orElseThrow();
        assertEquals(Optional.of("Quoted string \"\""), contact.displayName());
        assertEquals(Optional.of("newvalue"), contact.params().value("newparam"));
        assertTrue(contact.params().has("secondparam"));
        assertEquals(Optional.of("0.33"), contact.params().value("q"));
        SipUri route = (SipUri) invite.routes().getFirst().uri();
        assertTrue(route.looseRouting());
        assertEquals(Optional.of("value"), route.params().value("unknownwith"));
        assertEquals(150, invite.body().length);
    }

    @Test
    void wideRangeOfValidCharacters() {
        var request = (SipRequest) SipParser.parse(Rfc4475.bytes(Rfc4475.INTMETH)).orElseThrow();
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", request.method());
        SipUri uri = (SipUri) request.requestUri();
        assertEquals(Optional.of("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"), uri.user());
        assertEquals(Optional.of("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"), uri.password());
        assertEquals(Optional.of("BEL:\u0007 NUL:\u0000 DEL:\u007f"), request.to().displayName());
        assertEquals(Optional.of("token1~` token2'+_ token3*%!.-"), request.from().displayName());
        assertEquals(Optional.of("_token~1'+`*%!-."), request.from().tag());
        assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", request.callId());
        assertEquals(Optional.of("\ufeff\u5927\u505c\u96fb"), request.header("extensionHeader-!.%*+_`'~"));
    }

    @Test
    void escapedUrisStayEscaped() {
        var request = (SipRequest) SipParser.parse(Rfc4475.bytes(Rfc4475.ESC01)).orElseThrow();
        assertEquals(Optional.of("sips%3Auser%40example.com"), ((SipUri) request.requestUri()).user());
        SipUri contact = (SipUri) request.contact().orElseThrow().uri();
        assertTrue(contact.params().has("%6C%72"));
        assertEquals(Optional.of("application/sdp"), request.contentType());
    }

    @Test
    void trailingOctetsAfterContentLengthAreIgnored() {
        var register = (SipRequest) SipParser.parse(Rfc4475.bytes(Rfc4475.DBLREQ)).orElseThrow();
        assertEquals("REGISTER", register.method());
        assertEquals(0, register.body().length);
        assertEquals("dblreq.0ha0isndaksdj99sdfafnl3lk233412", register.callId());
    }

    @Test
    void listValuesAndTransportsAndLongValues() {
        var semi = SipParser.parse(Rfc4475.bytes(Rfc4475.SEMIURI)).orElseThrow();
        assertEquals(6, semi.headerValues("Accept").size());
        assertEquals(Optional.of("user;par=u%40example.net"), ((SipUri) ((SipRequest) semi).requestUri()).user());
        var transports = SipParser.parse(Rfc4475.bytes(Rfc4475.TRANSPORTS)).orElseThrow();
        assertEquals(List.of("UDP", "SCTP", "TLS", "UNKNOWN", "TCP"),
                transports.vias().stream().map(Via::transport).toList());
        var longreq = SipParser.parse(Rfc4475.bytes(Rfc4475.LONGREQ)).orElseThrow();
        assertEquals(34, longreq.vias().size());
        assertEquals(6000, ((SipUri) longreq.to().uri()).port().orElseThrow());
    }

    @Test
    void unusualAndEmptyReasonPhrases() {
        var unreason = (SipResponse) SipParser.parse(Rfc4475.bytes(Rfc4475.UNREASON)).orElseThrow();
        assertEquals(200, unreason.status());
        assertTrue(unreason.reason().startsWith("= 2**3 * 5**2 \u043d\u043e"));
        var noreason = (SipResponse) SipParser.parse(Rfc4475.bytes(Rfc4475.NOREASON)).orElseThrow();
        assertEquals(100, noreason.status());
        assertEquals("", noreason.reason());
    }

    @Test
    void unknownSchemesAreCarried() {
        var unkscm = (SipRequest) SipParser.parse(Rfc4475.bytes(Rfc4475.UNKSCM)).orElseThrow();
        assertEquals(new GenericUri("nobodyknowsthisscheme", "totallyopaquecontent"), unkscm.requestUri());
        var unksm2 = SipParser.parse(Rfc4475.bytes(Rfc4475.UNKSM2)).orElseThrow();
        assertEquals("isbn", unksm2.to().uri().scheme());
        assertEquals(0, ((SipRequest) SipParser.parse(Rfc4475.bytes(Rfc4475.ZEROMF)).orElseThrow())
                .maxForwards().orElseThrow());
    }

    @Test
    void aReadableBadRequestGetsA400AndAWrongVersionA505() {
        var mismatch = (SipParseResult.Refused) SipParser.parseDetailed(
                Rfc4475.bytes(Rfc4475.invalid().get("mismatch01").message()));
        SipResponse reply = mismatch.reply().orElseThrow();
        assertEquals(400, reply.status());
        assertEquals("Bad Request (CSeq method does not match the request method)", reply.reason());
        assertEquals("mismatch01.dj0234sxdfl3", reply.callId());
        assertTrue(reply.to().tag().isPresent(), "a final response carries a To tag");
        assertEquals(Optional.of("z9hG4bKkdjuw"), reply.topVia().branch());

        String badversText = Rfc4475.invalid().get("badvers").message();
        var badvers = (SipParseResult.Refused) SipParser.parseDetailed(Rfc4475.bytes(badversText));
        assertTrue(badvers.reply().isEmpty(), "its Via is SIP/7.0 as well, so there is no way back");
        var badversWithRoute = (SipParseResult.Refused) SipParser.parseDetailed(
                Rfc4475.bytes(badversText.replace("SIP/7.0/UDP", "SIP/2.0/UDP")));
        assertEquals(505, badversWithRoute.reply().orElseThrow().status());

        var insuf = (SipParseResult.Refused) SipParser.parseDetailed(
                Rfc4475.bytes(Rfc4475.invalid().get("insuf").message()));
        assertTrue(insuf.reply().isEmpty(), "no From, To or Call-ID to copy: nothing to answer with");
        var bigcode = (SipParseResult.Refused) SipParser.parseDetailed(
                Rfc4475.bytes(Rfc4475.invalid().get("bigcode").message()));
        assertTrue(bigcode.reply().isEmpty(), "responses are never answered");
    }
}
