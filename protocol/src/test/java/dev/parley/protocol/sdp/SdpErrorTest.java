package dev.parley.protocol.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken input gives an Error naming the right line, never an exception. */
class SdpErrorTest {

    /** Lines 1-7; lines given to {@link #audio} start at line 8. */
    private static final List<String> HEADER = List.of(
            "v=0",
            "o=- 1 1 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=rtpmap:111 opus/48000/2");

    private static String lines(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String audio(String... more) {
        var all = new java.util.ArrayList<>(HEADER);
        all.addAll(List.of(more));
        return lines(all);
    }

    private static SdpParseResult.Error assertError(String text, int line, String reasonPart) {
        var result = SessionDescription.parse(text);
        var error = assertInstanceOf(SdpParseResult.Error.class, result, () -> "expected an error, got " + result);
        assertEquals(line, error.lineNumber(), () -> error.toString());
        assertTrue(error.reason().contains(reasonPart), () -> "reason: " + error.reason());
        return error;
    }

    @Test
    void theHeaderIsAcceptedAsIs() {
        assertInstanceOf(SdpParseResult.Ok.class, SessionDescription.parse(audio()));
    }

    @Test
    void missingOrMisplacedSessionLines() {
        assertError("", 1, "before its v= line");
        assertError("\r\n\r\n", 3, "before its v= line");
        assertError(lines(List.of("o=- 1 1 IN IP4 127.0.0.1", "s=-")), 1, "must start with v=");
        assertError(lines(List.of("v=1")), 1, "unsupported SDP version");
        assertError(lines(List.of("v=0", "s=-", "t=0 0")), 2, "expected o=");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "t=0 0")), 3, "expected s=");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1")), 3, "before its s= line");
        // m= before the session lines
        assertError(lines(List.of("v=0", "m=audio 9 UDP/TLS/RTP/SAVPF 0", "o=- 1 1 IN IP4 127.0.0.1")), 2,
                "expected o=");
        var noTiming = assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-",
                "m=audio 9 UDP/TLS/RTP/SAVPF 0")), 4, "no t= line");
        assertEquals("", noTiming.line());
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-")), 4, "no t= line");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4", "s=-", "t=0 0")), 2, "o= needs 6 fields");
        assertError(lines(List.of("v=0", "o=- 1 x IN IP4 127.0.0.1", "s=-", "t=0 0")), 2, "not a number");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "r=7d 1h 0", "t=0 0")), 4,
                "r= must follow a t= line");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0", "m=audio 9 RTP/AVP 0")), 4,
                "t= needs");
    }

    @Test
    void linesOutOfPlace() {
        var error = assertError(audio("s=again"), 8, "s= is not allowed in a media section");
        assertEquals("s=again", error.line());
        assertError(audio("x=1"), 8, "unknown line type x=");
        assertError(audio("this is no sdp"), 8, "not a <type>=<value> line");
        assertError(audio("A=rtcp-mux"), 8, "not a <type>=<value> line");
        assertError(audio("a"), 8, "not a <type>=<value> line");
        assertError(audio("c=IN IP4 0.0.0.0"), 8, "a second c=");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 1.2.3.4", "c=IN IP4 1.2.3.4",
                "t=0 0")), 5, "a second c=");
        assertError(lines(List.of("v=0", "o=- 1 1 IN IP4 127.0.0.1", "v=0")), 3, "expected s=");
        assertError(audio("a=x\rb=1"), 8, "CR or NUL");
        assertError(audio("a=x-nul:\0"), 8, "CR or NUL");
        assertError(audio("a=:value"), 8, "attribute name");
    }

    @Test
    void badMediaLines() {
        String start = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
        assertError(start + "m=audio 70000 UDP/TLS/RTP/SAVPF 111\r\n", 5, "port must be in 0..65535");
        assertError(start + "m=audio -1 UDP/TLS/RTP/SAVPF 111\r\n", 5, "port is not a number");
        assertError(start + "m=audio 9/0 UDP/TLS/RTP/SAVPF 111\r\n", 5, "port count");
        assertError(start + "m=audio 9 UDP/TLS/RTP/SAVPF opus\r\n", 5, "payload type is not a number");
        assertError(start + "m=audio 9 UDP/TLS/RTP/SAVPF 111 128\r\n", 5, "payload type must be in 0..127");
        assertError(start + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n", 5, "needs <media> <port> <proto> <fmt>");
        assertError(start + "m=hologram 9 UDP/TLS/RTP/SAVPF 111\r\n", 5, "unknown media type");
        assertError(start + "m=audio 9 UDP//SAVPF 111\r\n", 5, "protocol is not a token");
    }

    @Test
    void badAttributes() {
        assertError(audio("a=rtpmap:abc VP8/90000"), 8, "payload type is not a number");
        assertError(audio("a=rtpmap:96 VP8"), 8, "a=rtpmap needs");
        assertError(audio("a=rtpmap:96 VP8/fast"), 8, "clock rate is not a number");
        assertError(audio("a=rtpmap:111 opus/48000/2"), 8, "a second a=rtpmap for payload type 111");
        assertError(audio("a=fmtp:111 a=1", "a=fmtp:111 b=2"), 9, "a second a=fmtp");
        assertError(audio("a=fmtp:x a=1"), 8, "payload type is not a number");
        assertError(audio("a=rtcp-fb:111"), 8, "feedback type");
        assertError(audio("a=setup:sideways"), 8, "unknown setup role");
        assertError(audio("a=setup:active", "a=setup:passive"), 9, "a second a=setup");
        assertError(audio("a=sendonly", "a=recvonly"), 9, "a second direction");
        assertError(audio("a=ice-ufrag:abcd", "a=ice-ufrag:efgh"), 9, "a second a=ice-ufrag");
        assertError(audio("a=ice-pwd:"), 8, "a=ice-pwd is empty");
        assertError(audio("a=extmap:0 urn:x"), 8, "extmap id must be in 1..4351");
        assertError(audio("a=extmap:1/sideways urn:x"), 8, "unknown extmap direction");
        assertError(audio("a=ssrc:99999999999 cname:x"), 8, "ssrc must be in 0..4294967295");
        assertError(audio("a=ssrc:1"), 8, "a=ssrc needs");
        assertError(audio("a=ssrc-group:FID 1 x"), 8, "ssrc is not a number");
        assertError(audio("a=msid:a b c"), 8, "msid needs");
        assertError(audio("a=fingerprint:sha-256 XY:ZZ"), 8, "not colon-separated hex");
        assertError(audio("a=fingerprint:sha-256"), 8, "a=fingerprint needs");
        assertError(audio("a=sctp-port:fast"), 8, "sctp-port is not a number");
        assertError(audio("a=rid:h sideways"), 8, "rid direction");
        assertError(audio("a=rtcp:9 IN IP4"), 8, "a=rtcp needs");
        assertError(audio("a=mid:has space"), 8, "mid is not a token");
    }

    @Test
    void badCandidates() {
        assertError(audio("a=candidate:1 1 udp 100 192.0.2.1 5000 typ weird"), 8, "unknown candidate type");
        assertError(audio("a=candidate:1 1 udp 100 192.0.2.1 5000"), 8, "a candidate needs");
        assertError(audio("a=candidate:1 1 udp 100 192.0.2.1 5000 type host"), 8, "a candidate needs");
        assertError(audio("a=candidate:1 1 udp 100 192.0.2.1 70000 typ host"), 8, "candidate port");
        assertError(audio("a=candidate:1 0 udp 100 192.0.2.1 5000 typ host"), 8, "component id");
        assertError(audio("a=candidate:1 1 udp 4294967296 192.0.2.1 5000 typ host"), 8, "candidate priority");
        assertError(audio("a=candidate:1 1 udp 100 192.0.2.1 5000 typ host generation"), 8, "pairs");
        assertError(audio("a=candidate:1 1 udp 100 192.0.2.1 5000 typ srflx raddr 1.1.1.1 raddr 2.2.2.2"), 8,
                "two raddr");
    }

    @Test
    void midsAreUniqueAcrossSections() {
        assertError(audio("a=mid:0", "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:0"), 10, "already used");
    }

    @Test
    void absurdSizesAreRefused() {
        assertError(audio("a=x-long:" + "y".repeat(5000)), 8, "longer than 4096");
        String huge = audio("a=x-big:" + "z".repeat(4000)).repeat(1).concat(
                ("a=x-big:" + "z".repeat(4000) + "\r\n").repeat(16));
        var whole = assertError(huge, 0, "longer than 65536");
        assertEquals("", whole.line());
        var sections = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        for (int i = 0; i < 65; i++) {
            sections.append("m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n");
        }
        assertError(sections.toString(), 4 + 65, "more than 64 media sections");
        assertInstanceOf(SdpParseResult.Ok.class, SessionDescription.parse(
                sections.substring(0, sections.length() - "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n".length())));
    }

    @Test
    void errorsAreCountedAndLongLinesCut() {
        long before = Malformed.total(Malformed.Kind.SDP);
        var error = assertError(audio("a=x-long:" + "y".repeat(5000)), 8, "longer");
        assertEquals(256, error.line().length());
        assertError(null, 0, "no text");
        assertTrue(Malformed.total(Malformed.Kind.SDP) >= before + 2);
    }

    @Test
    void trickledCandidatesParseOrCount() {
        var c = Candidate.parse("candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr "
                + "192.168.1.20 rport 46154 generation 0 ufrag Kq7v network-cost 999").orElseThrow();
        assertEquals(CandidateType.SRFLX, c.type());
        assertEquals("Kq7v", c.extension("ufrag").orElseThrow().value());
        assertEquals("candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 192.168.1.20 rport 46154 "
                + "generation 0 ufrag Kq7v network-cost 999", c.toTrickleString());
        assertEquals(c, Candidate.parse("a=" + c.toTrickleString()).orElseThrow());
        assertEquals(c, Candidate.parse(c.sdpValue()).orElseThrow());
        long before = Malformed.total(Malformed.Kind.SDP);
        assertTrue(Candidate.parse("candidate:1 1 udp").isEmpty());
        assertTrue(Candidate.parse("candidate:1 1 udp 1 1.2.3.4 5 typ host\r\na=evil").isEmpty());
        assertTrue(Malformed.total(Malformed.Kind.SDP) >= before + 2);
    }
}
