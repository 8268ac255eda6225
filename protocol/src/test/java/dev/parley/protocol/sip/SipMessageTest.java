package dev.parley.protocol.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SipMessageTest {

    static SipRequest invite() {
        String text = Rfc4475.crlf("""
                INVITE sip:+4420555@trunk.example.net;user=phone SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKabc;rport
                Max-Forwards: 70
                From: "+4411111" <sip:+4411111@parley.local>;tag=f1
                To: <sip:+4420555@trunk.example.net>
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Contact: <sip:parley@192.0.2.10:5060>
                Allow: INVITE, ACK, CANCEL, BYE, OPTIONS
                Supported: timer
                User-Agent: Parley
                X-Custom: keep me, in order
                Content-Type: application/sdp
                Content-Length: 5

                v=0
                """);
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void typedAccessors() {
        SipRequest invite = invite();
        assertEquals("INVITE", invite.method());
        assertEquals(Optional.of("phone"), ((SipUri) invite.requestUri()).params().value("user"));
        assertEquals(new Via("UDP", "192.0.2.10", OptionalInt.of(5060),
                Parameters.NONE.with("branch", "z9hG4bKabc").withFlag("rport")), invite.topVia());
        assertTrue(invite.topVia().hasRport());
        assertTrue(invite.topVia().rport().isEmpty());
        assertEquals(Optional.of("+4411111"), invite.from().displayName());
        assertEquals(Optional.of("f1"), invite.from().tag());
        assertTrue(invite.to().tag().isEmpty());
        assertEquals(List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS"), invite.headerValues("allow"));
        assertEquals(Optional.of("keep me, in order"), invite.header("x-custom"), "unknown headers are not split");
        assertEquals("v=0\r\n", invite.bodyText());
    }

    @Test
    void writeAndParseAgainIsTheSame() {
        SipRequest invite = invite();
        byte[] bytes = invite.toBytes();
        assertEquals(invite, SipParser.parse(bytes).orElseThrow());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("INVITE sip:+4420555@trunk.example.net;user=phone SIP/2.0\r\nVia: "));
        assertTrue(text.contains("\r\nAllow: INVITE\r\nAllow: ACK\r\n"), "list values are written one a line");
        assertTrue(text.endsWith("Content-Length: 5\r\n\r\nv=0\r\n"));
    }

    @Test
    void contentLengthIsAlwaysTheBodysLength() {
        SipRequest invite = invite().withBody("application/sdp", "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n");
        String text = new String(invite.toBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("Content-Length: 32\r\n"), text);
        assertFalse(text.contains("Content-Length: 5"));
    }

    @Test
    void compactFormsFoldingAndCaseAreNormalised() {
        String text = Rfc4475.crlf("""
                OPTIONS sip:parley@192.0.2.10 SIP/2.0
                v: SIP/2.0/TCP 192.0.2.20;branch=z9hG4bK1, SIP/2.0/UDP 192.0.2.21;branch=z9hG4bK2
                f: <sip:a@example.com>;tag=1
                t: <sip:b@example.com>
                i: abc@192.0.2.20
                CSEQ: 1 OPTIONS
                k: replaces,
                   timer
                l: 0

                """);
        SipMessage message = SipParser.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(2, message.vias().size());
        assertEquals(List.of("Via", "Via", "From", "To", "Call-ID", "CSeq", "Supported", "Supported"),
                message.headers().list().stream().map(SipHeader::name).toList(), "Content-Length is framing, not kept");
        assertEquals(List.of("replaces", "timer"), message.headerValues("Supported"));
        assertEquals("abc@192.0.2.20", message.callId());
    }

    @Test
    void builtMessagesMustHaveTheCoreHeaders() {
        SipHeaders headers = invite().headers();
        assertThrows(IllegalArgumentException.class,
                () -> new SipRequest("INVITE", SipUri.of("bob", "example.com"), headers.without("Call-ID")));
        assertThrows(IllegalArgumentException.class,
                () -> new SipRequest("BYE", SipUri.of("bob", "example.com"), headers), "CSeq says INVITE");
        assertThrows(IllegalArgumentException.class, () -> headers.with("X-Evil", "a\r\nVia: injected"));
        assertThrows(IllegalArgumentException.class, () -> new SipResponse(700, "Nope", headers));
    }

    @Test
    void responsesCopyTheCoreHeadersAndAddTheToTag() {
        SipRequest invite = invite();
        SipResponse ringing = SipResponses.reply(invite, 180, "Ringing", Optional.of("t9"));
        assertEquals(invite.vias(), ringing.vias());
        assertEquals(invite.from(), ringing.from());
        assertEquals(Optional.of("t9"), ringing.to().tag());
        assertEquals(invite.cseq(), ringing.cseq());
        SipResponse trying = SipResponses.reply(invite, 100);
        assertTrue(trying.to().tag().isEmpty(), "100 Trying carries no To tag");
        assertEquals("Trying", trying.reason());
        assertEquals(trying, SipParser.parse(trying.toBytes()).orElseThrow());
    }

    @Test
    void headerEditing() {
        SipHeaders headers = invite().headers();
        SipHeaders withVia = headers.withFirst("Via", "SIP/2.0/UDP 192.0.2.99;branch=z9hG4bKtop");
        assertEquals("SIP/2.0/UDP 192.0.2.99;branch=z9hG4bKtop", withVia.first("v").orElseThrow());
        assertEquals(2, withVia.count("Via"));
        SipHeaders set = headers.set("Allow", "INVITE, BYE");
        assertEquals(List.of("INVITE, BYE"), set.all("Allow"));
        assertEquals(headers.list().size() - 4, set.list().size());
        Via top = invite().topVia().withReceived("203.0.113.5").withRport(40000);
        assertEquals("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKabc;rport=40000;received=203.0.113.5", top.write());
        assertEquals(OptionalInt.of(40000), top.rport());
    }

    @Test
    void nameAddrForms() {
        assertEquals(new NameAddr(Optional.empty(), SipUri.of("alice", "example.com"),
                Parameters.NONE.with("tag", "x")), NameAddr.parse("sip:alice@example.com;tag=x").orElseThrow());
        NameAddr quoted = NameAddr.parse("\"Alice \\\"A\\\"\" <sip:alice@example.com;transport=tcp>;expires=60")
                .orElseThrow();
        assertEquals(Optional.of("Alice \"A\""), quoted.displayName());
        assertEquals(Optional.of("tcp"), ((SipUri) quoted.uri()).transport());
        assertEquals(Optional.of("60"), quoted.params().value("expires"));
        assertEquals(quoted, NameAddr.parse(quoted.write()).orElseThrow());
        assertEquals(Optional.of("Bob Smith"), NameAddr.parse("Bob Smith <tel:+1-201-555-0123>").orElseThrow()
                .displayName());
        assertTrue(NameAddr.parse("<sip:alice@example.com").isEmpty());
        assertTrue(NameAddr.parse("sip:alice@example.com;;tag=1").isEmpty());
        assertTrue(NameAddr.parse("").isEmpty());
    }

    @Test
    void viaForms() {
        Via ipv6 = Via.parse("SIP/2.0/TCP [2001:db8::9]:5070;branch=z9hG4bKx;received=[2001:db8::1]").orElseThrow();
        assertEquals("[2001:db8::9]", ipv6.host());
        assertEquals(5070, ipv6.portOrDefault());
        assertEquals(Optional.of("[2001:db8::1]"), ipv6.received());
        assertTrue(Via.parse("SIP/3.0/UDP host").isEmpty());
        assertTrue(Via.parse("SIP/2.0/UDP host:99999").isEmpty());
        assertTrue(Via.parse("SIP/2.0/UDP").isEmpty());
        assertTrue(Via.parse("SIP/2.0/UDP host;branch=").isEmpty());
    }

    @Test
    void cseqRange() {
        assertEquals(new CSeq(CSeq.MAX, "BYE"), CSeq.parse("2147483647 BYE").orElseThrow());
        assertTrue(CSeq.parse("2147483648 BYE").isEmpty());
        assertTrue(CSeq.parse("1BYE").isEmpty());
        assertTrue(CSeq.parse("-1 BYE").isEmpty());
        assertTrue(CSeq.parse("1 BYE extra").isEmpty());
    }

    @Test
    void bareLineFeedsAndLeadingKeepAlivesAreAccepted() {
        String text = "\r\n\r\nOPTIONS sip:x@192.0.2.1 SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKq\n"
                + "From: <sip:a@b>;tag=1\nTo: <sip:x@192.0.2.1>\nCall-ID: q1\nCSeq: 2 OPTIONS\n\n";
        assertTrue(SipParser.parse(text.getBytes(StandardCharsets.UTF_8)).isPresent());
    }

    @Test
    void garbageIsRefusedWithoutAReply() {
        for (String garbage : List.of("", "\r\n\r\n", "hello", "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                "SIP/2.0 200 OK\r\n\r\n", "INVITE sip:a@b SIP/2.0\r\nVia SIP/2.0/UDP x\r\n\r\n")) {
            var result = SipParser.parseDetailed(garbage.getBytes(StandardCharsets.UTF_8));
            assertTrue(result instanceof SipParseResult.Refused r && r.reply().isEmpty(), garbage);
        }
    }
}
