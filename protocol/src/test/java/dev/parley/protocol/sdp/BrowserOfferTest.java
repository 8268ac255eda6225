package dev.parley.protocol.sdp;

import static dev.parley.protocol.sdp.SdpSamples.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each browser's offer parsed and checked field by field, then written and parsed back equal. */
class BrowserOfferTest {

    private static final String CHROME_FINGERPRINT = "A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:"
            + "1F:CB:19:71:17:44:94:D6:49:3C:9D:5C";
    private static final String CHROME_STREAM = "8ca81811-66d2-4876-b2fd-f2022a96fb1a";

    static SessionDescription parseOk(String text) {
        var result = SessionDescription.parse(text);
        var ok = assertInstanceOf(SdpParseResult.Ok.class, result, () -> result.toString());
        return ok.description();
    }

    static void assertRoundTrip(SessionDescription description) {
        String written = description.write();
        assertTrue(written.endsWith("\r\n"));
        assertFalse(written.replace("\r\n", "").contains("\n"), "only CRLF line endings");
        assertEquals(description, parseOk(written));
        assertEquals(written, parseOk(written).write(), "writing is stable");
    }

    @Test
    void chromeSessionLevel() {
        var sdp = parseOk(crlf(SdpSamples.CHROME_OFFER));
        assertEquals(0, sdp.version());
        assertEquals(new Origin("-", "7216351298741106635", 2, "IN", "IP4", "127.0.0.1"), sdp.origin());
        assertEquals("-", sdp.sessionName());
        assertEquals(List.of(Timing.UNBOUNDED), sdp.timings());
        assertEquals(List.of("0", "1", "2"), sdp.bundleGroup());
        assertTrue(sdp.extmapAllowMixed());
        assertEquals(List.of(new MsidSemantic("WMS", List.of(CHROME_STREAM))), sdp.msidSemantics());
        assertFalse(sdp.iceLite());
        assertEquals(List.of(), sdp.attributes());
        assertEquals(3, sdp.media().size());
        assertEquals(List.of(MediaKind.AUDIO, MediaKind.VIDEO, MediaKind.APPLICATION),
                sdp.media().stream().map(MediaDescription::kind).toList());
    }

    @Test
    void chromeAudioSection() {
        var sdp = parseOk(crlf(SdpSamples.CHROME_OFFER));
        var audio = sdp.mediaByMid("0").orElseThrow();
        assertEquals(53124, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.protocol());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        assertEquals(Optional.of(Connection.ip4("198.51.100.23")), audio.connection());
        assertEquals(Optional.of(new Rtcp(9, Optional.of(Connection.ip4("0.0.0.0")))), audio.rtcp());
        assertEquals(Optional.of("Kq7v"), audio.iceUfrag());
        assertEquals(Optional.of("Yh3cJ9pL2mWx8RtN4bZs6DfG"), audio.icePwd());
        assertEquals(List.of("trickle"), audio.iceOptions());
        assertEquals(List.of(new Fingerprint("sha-256", CHROME_FINGERPRINT)), audio.fingerprints());
        assertEquals(Optional.of(Setup.ACTPASS), audio.setup());
        assertEquals(Optional.of(Direction.SENDRECV), audio.direction());
        assertTrue(audio.rtcpMux());
        assertFalse(audio.rtcpRsize());
        assertEquals(List.of(Extmap.of(1, Extmap.AUDIO_LEVEL), Extmap.of(2, Extmap.ABS_SEND_TIME),
                Extmap.of(3, Extmap.TRANSPORT_CC), Extmap.of(4, Extmap.MID)), audio.extmaps());
        assertEquals(List.of(Msid.of(CHROME_STREAM, "d1bc52d9-230d-477e-a225-71594720771f")), audio.msids());

        assertEquals(8, audio.codecs().size());
        var opus = audio.codecsNamed("OPUS").getFirst();
        assertEquals(new Codec(111, "opus", 48000, OptionalInt.of(2), "minptime=10;useinbandfec=1",
                List.of(RtcpFeedback.TRANSPORT_CC)), opus);
        assertEquals(Optional.of("1"), opus.fmtpParameter("useinbandfec"));
        assertEquals(new Codec(63, "red", 48000, OptionalInt.of(2), "111/111", List.of()), audio.codec(63).orElseThrow());
        assertEquals(Codec.of(9, "G722", 8000), audio.codec(9).orElseThrow());
        assertEquals(List.of(110, 126), audio.codecsNamed("telephone-event").stream().map(Codec::payloadType).toList());

        assertEquals(3, audio.candidates().size());
        var srflx = audio.candidates().get(1);
        assertEquals("3854719312", srflx.foundation());
        assertEquals(1, srflx.component());
        assertEquals("udp", srflx.transport());
        assertEquals(1686052607L, srflx.priority());
        assertEquals("198.51.100.23", srflx.address());
        assertEquals(53124, srflx.port());
        assertEquals(CandidateType.SRFLX, srflx.type());
        assertEquals(Optional.of("192.168.1.34"), srflx.relatedAddress());
        assertEquals(OptionalInt.of(53124), srflx.relatedPort());
        assertEquals(List.of(new Candidate.Extension("generation", "0"), new Candidate.Extension("network-id", "1"),
                new Candidate.Extension("network-cost", "10")), srflx.extensions());
        var tcp = audio.candidates().get(2);
        assertEquals("tcp", tcp.transport());
        assertEquals(9, tcp.port());
        assertEquals(Optional.of("active"), tcp.tcpType());
        assertFalse(audio.endOfCandidates());

        assertEquals(List.of(new Ssrc(1001583274L, Optional.of("u3XqW8cN2pLk5TzR"),
                Optional.of(Msid.of(CHROME_STREAM, "d1bc52d9-230d-477e-a225-71594720771f")), List.of())), audio.ssrcs());
        assertEquals(List.of(1001583274L), audio.ssrcsOf("d1bc52d9-230d-477e-a225-71594720771f"));
        assertEquals(List.of(), audio.attributes());
    }

    @Test
    void chromeVideoSection() {
        var sdp = parseOk(crlf(SdpSamples.CHROME_OFFER));
        var video = sdp.media().get(1);
        assertEquals(Optional.of("1"), video.mid());
        assertEquals(9, video.port());
        assertTrue(video.rtcpRsize());
        assertEquals(11, video.extmaps().size());
        assertEquals(Optional.of(Extmap.of(13, "urn:3gpp:video-orientation")), video.extmap("urn:3gpp:video-orientation"));
        assertEquals(13, video.codecs().size());
        assertEquals(List.of(96, 97, 102, 103, 104, 105, 98, 99, 45, 46, 116, 117, 118),
                video.codecs().stream().map(Codec::payloadType).toList());

        var vp8 = video.codec(96).orElseThrow();
        assertEquals("VP8", vp8.name());
        assertEquals(90000, vp8.clockRate());
        assertEquals(OptionalInt.empty(), vp8.channels());
        assertEquals(List.of(RtcpFeedback.GOOG_REMB, RtcpFeedback.TRANSPORT_CC, RtcpFeedback.CCM_FIR,
                RtcpFeedback.NACK, RtcpFeedback.NACK_PLI), vp8.rtcpFeedback());
        assertEquals("", vp8.fmtp());

        var h264 = video.codecsNamed("h264");
        assertEquals(2, h264.size());
        assertEquals(List.of("level-asymmetry-allowed", "packetization-mode", "profile-level-id"),
                List.copyOf(h264.get(1).fmtpParameters().sequencedKeySet()));
        assertEquals("42e01f", h264.get(1).fmtpParameters().get("profile-level-id"));

        assertEquals(OptionalInt.of(97), video.rtxPayloadTypeFor(96));
        assertEquals(OptionalInt.of(103), video.rtxPayloadTypeFor(102));
        assertEquals(OptionalInt.of(46), video.rtxPayloadTypeFor(45));
        assertEquals(OptionalInt.of(117), video.rtxPayloadTypeFor(116));
        assertEquals(OptionalInt.empty(), video.rtxPayloadTypeFor(118));
        assertEquals(OptionalInt.of(96), video.codec(97).orElseThrow().associatedPayloadType());
        assertEquals(1, video.codecsNamed("ulpfec").size());

        assertEquals(List.of(new SsrcGroup("FID", List.of(2875129041L, 1623844915L))), video.ssrcGroups());
        assertEquals(List.of(2875129041L, 1623844915L), video.ssrcIds());
        assertEquals(List.of(2875129041L, 1623844915L), video.ssrcsOf("47469a4d-8cdb-405f-9d2e-16096e36aab0"));
        assertEquals(List.of(), video.ssrcsOf("d1bc52d9-230d-477e-a225-71594720771f"));
        assertEquals(OptionalLong.of(1623844915L), video.rtxSsrcFor(2875129041L));
        assertEquals(Optional.of("u3XqW8cN2pLk5TzR"), video.ssrc(1623844915L).orElseThrow().cname());
    }

    @Test
    void chromeDataChannelSection() {
        var sdp = parseOk(crlf(SdpSamples.CHROME_OFFER));
        var data = sdp.media().get(2);
        assertEquals(MediaKind.APPLICATION, data.kind());
        assertEquals("UDP/DTLS/SCTP", data.protocol());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertFalse(data.isRtp());
        assertEquals(List.of(), data.codecs());
        assertEquals(OptionalInt.of(5000), data.sctpPort());
        assertEquals(OptionalLong.of(262144), data.maxMessageSize());
        assertEquals(Optional.empty(), data.direction());
        assertEquals(Direction.SENDRECV, sdp.effectiveDirection(data));
        assertFalse(data.rtcpMux());
    }

    @Test
    void chromeOfferIsWrittenAsChromeWritesIt() {
        String original = crlf(SdpSamples.CHROME_OFFER);
        var sdp = parseOk(original);
        // The one deliberate difference: no space after "msid-semantic:" (RFC 8830 grammar).
        assertEquals(original.replace("a=msid-semantic: WMS", "a=msid-semantic:WMS"), sdp.write());
        assertEquals(sdp.write(), sdp.toString());
        assertRoundTrip(sdp);
    }

    @Test
    void firefoxOffer() {
        var sdp = parseOk(crlf(SdpSamples.FIREFOX_OFFER));
        assertEquals("mozilla...THIS_IS_SDPARTA-128.0", sdp.origin().username());
        assertEquals("3861402931640417512", sdp.origin().sessId());
        assertEquals(0, sdp.origin().sessVersion());
        assertEquals("0.0.0.0", sdp.origin().address());
        assertEquals(List.of("trickle"), sdp.iceOptions());
        assertEquals(List.of(MsidSemantic.wmsAll()), sdp.msidSemantics());
        assertEquals(1, sdp.fingerprints().size());

        var audio = sdp.media().getFirst();
        // Fingerprint only at session level: every section inherits it.
        assertEquals(List.of(), audio.fingerprints());
        assertEquals(sdp.fingerprints(), sdp.effectiveFingerprints(audio));
        assertEquals(List.of("trickle"), sdp.effectiveIceOptions(audio));
        assertEquals(Optional.of("026c48bb"), sdp.effectiveIceUfrag(audio));
        assertEquals(Optional.of(Setup.ACTPASS), sdp.effectiveSetup(audio));
        assertEquals(new Extmap(2, Optional.of(Direction.RECVONLY), "urn:ietf:params:rtp-hdrext:csrc-audio-level",
                Optional.empty()), audio.extmaps().get(1));
        assertTrue(audio.endOfCandidates());
        assertEquals("5bd86d40-fc89-4b4a-aa50-df4db4d66a3a.local", audio.candidates().getFirst().address());
        assertEquals("UDP", audio.candidates().getFirst().transport());
        assertEquals(Optional.of("0.0.0.0"), audio.candidates().get(1).relatedAddress());
        assertEquals(OptionalInt.of(0), audio.candidates().get(1).relatedPort());

        assertEquals(List.of(109, 9, 0, 8, 101), audio.codecs().stream().map(Codec::payloadType).toList());
        var opus = audio.codec(109).orElseThrow();
        assertEquals("maxplaybackrate=48000;stereo=1;useinbandfec=1", opus.fmtp());
        assertEquals(OptionalInt.of(2), opus.channels());
        assertEquals(Codec.of(9, "G722", 8000, 1), audio.codec(9).orElseThrow());
        var dtmf = audio.codec(101).orElseThrow();
        assertEquals("0-15", dtmf.fmtp());
        assertEquals("", dtmf.fmtpParameters().get("0-15"));
        assertEquals(List.of(new Msid("{f52ddf5d-6164-49c9-a25a-7605aec6f024}",
                Optional.of("{2d1c9af0-153e-4c2a-a6a2-c0bd3b1287ff}"))), audio.msids());
        assertEquals(List.of(Ssrc.of(2913446310L, "{3bbbe9ea-a894-4c89-bb61-867626bb7dbd}")), audio.ssrcs());
        // Firefox puts no msid on its ssrc lines; the section's msid names the track.
        assertEquals(List.of(2913446310L), audio.ssrcsOf("{2d1c9af0-153e-4c2a-a6a2-c0bd3b1287ff}"));

        var video = sdp.media().get(1);
        assertEquals(List.of(120, 124, 121, 125, 126, 127, 97, 98, 123, 122, 119),
                video.codecs().stream().map(Codec::payloadType).toList());
        var vp8 = video.codec(120).orElseThrow();
        assertEquals(new Codec(120, "VP8", 90000, OptionalInt.empty(), "max-fs=12288;max-fr=60", List.of(
                RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR, RtcpFeedback.GOOG_REMB,
                RtcpFeedback.TRANSPORT_CC)), vp8);
        assertEquals(OptionalInt.of(124), video.rtxPayloadTypeFor(120));
        assertEquals(OptionalInt.of(119), video.rtxPayloadTypeFor(122));
        assertEquals(OptionalLong.of(1848295217L), video.rtxSsrcFor(3362131178L));
        assertEquals(List.of(3362131178L, 1848295217L), video.ssrcsOf("{96d0cc5f-d4c2-4c2e-bc26-847f0316909e}"));

        var data = sdp.media().get(2);
        assertEquals(Optional.of(Direction.SENDRECV), data.direction());
        assertEquals(OptionalLong.of(1073741823L), data.maxMessageSize());
        assertRoundTrip(sdp);
    }

    @Test
    void firefoxOfferWrittenInChromeOrderKeepsEveryLine() {
        String original = crlf(SdpSamples.FIREFOX_OFFER);
        String written = parseOk(original).write();
        var originalLines = original.lines().sorted().toList();
        var writtenLines = written.lines().sorted().toList();
        assertEquals(originalLines, writtenLines, "the same lines, only in another order");
    }

    @Test
    void safariOffer() {
        var result = SessionDescription.parse(crlf(SdpSamples.SAFARI_OFFER));
        var ok = assertInstanceOf(SdpParseResult.Ok.class, result);
        assertEquals(List.of(), ok.notes());
        var sdp = ok.description();
        assertEquals(3, sdp.origin().sessVersion());
        var data = sdp.media().getFirst();
        assertEquals(MediaKind.APPLICATION, data.kind());
        assertEquals(61372, data.port());
        assertEquals(Optional.of("/q+7"), data.iceUfrag());
        assertEquals(2, data.candidates().size());
        assertEquals(List.of(new Candidate.Extension("generation", "0"), new Candidate.Extension("network-cost", "999")),
                data.candidates().getFirst().extensions());

        var audio = sdp.mediaByMid("1").orElseThrow();
        var ssrc = audio.ssrcs().getFirst();
        assertEquals(List.of(Attribute.of("mslabel", "27a0aeb3-fee9-432f-8af2-211f9ee491c5"),
                Attribute.of("label", "6f93427e-cbc8-4e29-9a1b-3c5d7e9f0a2b")), ssrc.attributes());

        var video = sdp.mediaByMid("2").orElseThrow();
        assertEquals(List.of(new Bandwidth("AS", 1500)), video.bandwidths());
        assertEquals(Optional.of(Direction.SENDONLY), video.direction());
        assertEquals(Direction.RECVONLY, sdp.effectiveDirection(video).reversed());
        assertEquals("H264", video.codecs().getFirst().name());
        assertEquals(Optional.of("640c1f"), video.codecs().getFirst().fmtpParameter("PROFILE-LEVEL-ID"));
        assertEquals(OptionalInt.of(125), video.rtxPayloadTypeFor(127));

        assertEquals(crlf(SdpSamples.SAFARI_OFFER).replace("a=msid-semantic: WMS", "a=msid-semantic:WMS"), sdp.write());
        assertRoundTrip(sdp);
    }

    @Test
    void chromeSimulcastOffer() {
        var sdp = parseOk(crlf(SdpSamples.CHROME_SIMULCAST_OFFER));
        assertEquals(List.of(new MsidSemantic("WMS", List.of())), sdp.msidSemantics());
        var video = sdp.media().getFirst();
        assertEquals(List.of(new Rid("q", "send", Optional.empty()), new Rid("h", "send", Optional.empty()),
                new Rid("f", "send", Optional.of("max-width=1280;max-height=720"))), video.rids());
        assertEquals(Optional.of("send q;h;f"), video.simulcast());
        assertEquals(List.of(new Msid("-", Optional.of("47469a4d-8cdb-405f-9d2e-16096e36aab0"))), video.msids());
        assertEquals(List.of(), video.ssrcs());
        assertEquals(Optional.of(Extmap.of(10, Extmap.RID)), video.extmap(Extmap.RID));
        assertEquals(crlf(SdpSamples.CHROME_SIMULCAST_OFFER).replace("a=msid-semantic: WMS", "a=msid-semantic:WMS"),
                sdp.write());
        assertRoundTrip(sdp);
    }

    @Test
    void lfLineEndingsReadLikeCrlf() {
        assertEquals(parseOk(crlf(SdpSamples.CHROME_OFFER)), parseOk(SdpSamples.CHROME_OFFER));
        assertEquals(parseOk(crlf(SdpSamples.FIREFOX_OFFER)), parseOk(SdpSamples.FIREFOX_OFFER));
    }

    @Test
    void unknownAttributesSurviveInOrder() {
        String text = crlf("""
                v=0
                o=- 1 1 IN IP4 127.0.0.1
                s=-
                i=a session for tests
                t=0 0
                a=x-session-flag
                a=ice-lite
                a=x-session-value:hello world
                m=audio 9 UDP/TLS/RTP/SAVPF 0
                c=IN IP4 0.0.0.0
                a=x-first:1
                a=mid:a
                a=ptime:20
                a=rtcp-fb:* nack
                a=x-last
                a=rtcp-mux-only
                """);
        var sdp = parseOk(text);
        assertTrue(sdp.iceLite());
        assertEquals(List.of(Attribute.flag("x-session-flag"), Attribute.of("x-session-value", "hello world")),
                sdp.attributes());
        assertEquals(List.of(new SdpLine('i', "a session for tests")), sdp.extraLines());
        var audio = sdp.media().getFirst();
        assertEquals(List.of(Attribute.of("x-first", "1"), Attribute.of("ptime", "20"), Attribute.of("rtcp-fb", "* nack"),
                Attribute.flag("x-last"), Attribute.flag("rtcp-mux-only")), audio.attributes());
        assertEquals(Optional.of(Attribute.of("ptime", "20")), audio.attribute("ptime"));
        // PCMU without an rtpmap: the static payload type table names it, and the writer adds the rtpmap.
        assertEquals(List.of(Codec.of(0, "PCMU", 8000)), audio.codecs());
        assertTrue(sdp.write().contains("a=rtpmap:0 PCMU/8000\r\n"));
        assertRoundTrip(sdp);
    }

    @Test
    void oddButKeptThingsAreNoted() {
        String text = crlf("""
                v=0
                o=- 1 1 IN IP4 127.0.0.1
                s=-
                t=0 0
                a=group:BUNDLE 0 9
                m=video 9 UDP/TLS/RTP/SAVPF 96 100
                c=IN IP4 0.0.0.0
                a=mid:0
                a=rtpmap:96 VP8/90000
                a=rtpmap:97 rtx/90000
                a=fmtp:97 apt=96
                a=fmtp:98 x=1
                """);
        var ok = assertInstanceOf(SdpParseResult.Ok.class, SessionDescription.parse(text));
        var video = ok.description().media().getFirst();
        assertEquals(List.of(96, 97), video.codecs().stream().map(Codec::payloadType).toList());
        assertEquals(List.of("96", "100"), video.formats());
        assertEquals(OptionalInt.of(97), video.rtxPayloadTypeFor(96));
        assertEquals(List.of(Attribute.of("fmtp", "98 x=1")), video.attributes());
        var notes = ok.notes().stream().map(n -> n.lineNumber() + " " + n.message()).toList();
        assertEquals(List.of(
                "6 payload type 100 has no a=rtpmap",
                "10 a=rtpmap for payload type 97 that the m= line does not list",
                "12 a=fmtp for payload type 98 that has no codec; kept as written",
                "5 a=group:BUNDLE names mid 9 that no media section has"), notes);
        assertRoundTrip(ok.description());
    }

    @Test
    void sessionLevelTransportAttributesAreInherited() {
        var sdp = parseOk(crlf("""
                v=0
                o=- 1 1 IN IP4 127.0.0.1
                s=-
                t=0 0
                a=ice-ufrag:sess
                a=ice-pwd:sessionpasswordsessionpw
                a=setup:passive
                a=inactive
                m=audio 9 UDP/TLS/RTP/SAVPF 111
                a=rtpmap:111 opus/48000/2
                a=ice-ufrag:own1
                m=audio 9 UDP/TLS/RTP/SAVPF 111
                a=rtpmap:111 opus/48000/2
                a=setup:active
                a=recvonly
                """));
        var first = sdp.media().get(0);
        var second = sdp.media().get(1);
        assertEquals(Optional.of("own1"), sdp.effectiveIceUfrag(first));
        assertEquals(Optional.of("sess"), sdp.effectiveIceUfrag(second));
        assertEquals(Optional.of("sessionpasswordsessionpw"), sdp.effectiveIcePwd(first));
        assertEquals(Optional.of(Setup.PASSIVE), sdp.effectiveSetup(first));
        assertEquals(Optional.of(Setup.ACTIVE), sdp.effectiveSetup(second));
        assertEquals(Direction.INACTIVE, sdp.effectiveDirection(first));
        assertEquals(Direction.RECVONLY, sdp.effectiveDirection(second));
        assertEquals(List.of(), sdp.bundleGroup());
        assertEquals(Optional.empty(), first.connection());
        assertRoundTrip(sdp);
    }
}
