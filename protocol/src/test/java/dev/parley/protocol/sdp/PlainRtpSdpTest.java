package dev.parley.protocol.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Plain RTP/AVP descriptions as SIP phones, PBXs and carriers write them (no ICE, no DTLS,
 * static payload types without rtpmap, c= at session or media level, a=rtcp, holds), which
 * the RTP bridge must read with the same parser the browsers' offers go through.
 */
class PlainRtpSdpTest {

    /** The shape of sipp's built-in uac scenario body: one static codec, no direction. */
    static final String SIPP = """
            v=0
            o=user1 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 6000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /** A baresip-like offer: Opus first, G.711, telephone-event, rtcp-mux, ssrc. */
    static final String BARESIP = """
            v=0
            o=- 2890844526 2890844527 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 10002 RTP/AVP 96 0 8 101
            b=AS:72
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=rtcp-mux
            a=sendrecv
            a=label:1
            a=ssrc:1092475922 cname:f3a1d3e4-baresip
            a=ptime:20
            """;

    /** An Asterisk-like body: static types, GSM it cannot use, maxptime, session name. */
    static final String ASTERISK = """
            v=0
            o=- 1711467390 1711467391 IN IP4 198.51.100.5
            s=Asterisk
            c=IN IP4 198.51.100.5
            t=0 0
            m=audio 17562 RTP/AVP 8 0 3 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:3 GSM/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;

    /** A carrier gateway: RTCP on its own port and address, G.729 with annexb, silenceSupp. */
    static final String CARRIER = """
            v=0
            o=CarrierGW 1024131519 1024131520 IN IP4 203.0.113.7
            s=SIP Call
            c=IN IP4 203.0.113.7
            b=CT:64
            t=0 0
            m=audio 13628 RTP/AVP 18 0 101
            c=IN IP4 203.0.113.8
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=silenceSupp:off - - - -
            a=ptime:20.0
            a=rtcp:13629 IN IP4 203.0.113.9
            a=sendrecv
            m=image 0 udptl t38
            a=T38FaxVersion:0
            """;

    /** A re-INVITE putting the call on hold the old way (c=0.0.0.0), media-level IPv6 elsewhere. */
    static final String OLD_HOLD = """
            v=0
            o=- 1 3 IN IP4 192.0.2.10
            s=-
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 10002 RTP/AVP 0 101
            a=rtpmap:101 telephone-event/8000
            """;

    static final String IPV6_SENDONLY = """
            v=0
            o=- 7 8 IN IP6 2001:db8::1
            s=-
            t=0 0
            a=sendonly
            m=audio 40000 RTP/AVP 8
            c=IN IP6 2001:db8::5
            """;

    private static SessionDescription parse(String text) {
        return switch (SessionDescription.parse(text)) {
            case SdpParseResult.Ok ok -> ok.description();
            case SdpParseResult.Error e -> throw new AssertionError("line " + e.lineNumber() + ": " + e.reason());
        };
    }

    @Test
    void sippsBodyHasOneStaticCodecAndASessionLevelAddress() {
        SessionDescription d = parse(SIPP);
        MediaDescription m = d.media().getFirst();
        assertEquals(Optional.of(Connection.ip4("127.0.0.1")), d.effectiveConnection(m));
        assertEquals(6000, m.port());
        assertEquals("RTP/AVP", m.protocol());
        assertTrue(m.isRtp());
        assertEquals(List.of(Codec.of(0, "PCMU", 8000)), m.codecs());
        assertEquals(Direction.SENDRECV, d.effectiveDirection(m));
        assertFalse(m.rtcpMux());
        assertEquals(Optional.empty(), m.rtcp());
        assertEquals(OptionalInt.empty(), m.ptime());
    }

    @Test
    void baresipsOfferKeepsItsPreferenceOrderAndFormats() {
        SessionDescription d = parse(BARESIP);
        MediaDescription m = d.media().getFirst();
        assertEquals(List.of("opus", "PCMU", "PCMA", "telephone-event"), m.codecs().stream().map(Codec::name).toList());
        assertEquals(48_000, m.codecs().getFirst().clockRate());
        assertEquals(Optional.of("0-15"), Optional.of(m.codec(101).orElseThrow().fmtp()));
        assertTrue(m.rtcpMux());
        assertEquals(OptionalInt.of(20), m.ptime());
        assertEquals(List.of(1092475922L), m.ssrcIds());
    }

    @Test
    void asterisksBodyListsStaticCodecsWithRtpmaps() {
        SessionDescription d = parse(ASTERISK);
        MediaDescription m = d.media().getFirst();
        assertEquals("Asterisk", d.sessionName());
        assertEquals(List.of(8, 0, 3, 101), m.codecs().stream().map(Codec::payloadType).toList());
        assertEquals(Optional.of("150"), m.attribute("maxptime").flatMap(Attribute::value));
    }

    @Test
    void aCarriersBodyHasMediaLevelAddressSeparateRtcpAndAFaxSection() {
        SessionDescription d = parse(CARRIER);
        MediaDescription audio = d.media().getFirst();
        assertEquals(Optional.of(Connection.ip4("203.0.113.8")), d.effectiveConnection(audio), "media level wins");
        assertEquals(Optional.of(new Rtcp(13629, Optional.of(Connection.ip4("203.0.113.9")))), audio.rtcp());
        assertEquals(OptionalInt.of(20), audio.ptime(), "20.0 reads as 20");
        assertEquals("annexb=no", audio.codec(18).orElseThrow().fmtp());
        MediaDescription fax = d.media().get(1);
        assertEquals(MediaKind.IMAGE, fax.kind());
        assertEquals(0, fax.port());
        assertFalse(fax.isRtp());
        assertEquals(Optional.of(Connection.ip4("203.0.113.7")), d.effectiveConnection(fax), "session level");
    }

    @Test
    void holdsAndIpv6AreReadAsWritten() {
        SessionDescription old = parse(OLD_HOLD);
        MediaDescription m = old.media().getFirst();
        assertTrue(old.effectiveConnection(m).orElseThrow().isUnspecified());
        assertEquals(List.of("PCMU", "telephone-event"), m.codecs().stream().map(Codec::name).toList(),
                "a static type without rtpmap still names its codec");

        SessionDescription v6 = parse(IPV6_SENDONLY);
        MediaDescription six = v6.media().getFirst();
        Connection c = v6.effectiveConnection(six).orElseThrow();
        assertEquals("IP6", c.addrType());
        assertEquals("2001:db8::5", c.address());
        assertTrue(c.isInternet());
        assertFalse(c.isUnspecified());
        assertEquals(Direction.SENDONLY, v6.effectiveDirection(six), "a session-level direction applies");
        assertEquals(List.of(Codec.of(8, "PCMA", 8000)), six.codecs());
    }

    @Test
    void theBodiesSurviveAWriteAndAReparse() {
        for (String text : List.of(SIPP, BARESIP, ASTERISK, CARRIER, OLD_HOLD, IPV6_SENDONLY)) {
            SessionDescription d = parse(text);
            assertEquals(d, parse(d.write()), text);
        }
    }
}
