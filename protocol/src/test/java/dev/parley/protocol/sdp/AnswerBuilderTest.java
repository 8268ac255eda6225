package dev.parley.protocol.sdp;

import static dev.parley.protocol.sdp.BrowserOfferTest.parseOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** An answer to Chrome's offer built the way the SFU will build it, checked as text. */
class AnswerBuilderTest {

    private static final String SFU_FINGERPRINT = "27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:"
            + "FC:1E:6F:93:42:7E:CB:C8:FE:29";

    private static final String EXPECTED = """
            v=0
            o=- 4611731400430051336 1 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1 2
            a=msid-semantic:WMS *
            a=ice-lite
            m=audio 40000 UDP/TLS/RTP/SAVPF 111
            c=IN IP4 203.0.113.10
            a=candidate:1 1 udp 2130706431 203.0.113.10 40000 typ host
            a=end-of-candidates
            a=ice-ufrag:sfuA
            a=ice-pwd:sfuPasswordSfuPassword12
            a=fingerprint:sha-256 27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:FC:1E:6F:93:42:7E:CB:C8:FE:29
            a=setup:passive
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=recvonly
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            m=video 40000 UDP/TLS/RTP/SAVPF 96 97
            c=IN IP4 203.0.113.10
            a=candidate:1 1 udp 2130706431 203.0.113.10 40000 typ host
            a=end-of-candidates
            a=ice-ufrag:sfuA
            a=ice-pwd:sfuPasswordSfuPassword12
            a=fingerprint:sha-256 27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:FC:1E:6F:93:42:7E:CB:C8:FE:29
            a=setup:passive
            a=mid:1
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:participant-7 video-7
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=ssrc-group:FID 305419896 2271560481
            a=ssrc:305419896 cname:parley-7
            a=ssrc:305419896 msid:participant-7 video-7
            a=ssrc:2271560481 cname:parley-7
            a=ssrc:2271560481 msid:participant-7 video-7
            m=application 40000 UDP/DTLS/SCTP webrtc-datachannel
            c=IN IP4 203.0.113.10
            a=candidate:1 1 udp 2130706431 203.0.113.10 40000 typ host
            a=end-of-candidates
            a=ice-ufrag:sfuA
            a=ice-pwd:sfuPasswordSfuPassword12
            a=fingerprint:sha-256 27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:FC:1E:6F:93:42:7E:CB:C8:FE:29
            a=setup:passive
            a=mid:2
            a=sctp-port:5000
            a=max-message-size:262144
            """.replace("\n", "\r\n");

    private static final Candidate SFU_CANDIDATE = Candidate.host("1", 1, "udp", 2130706431L, "203.0.113.10", 40000);

    /** The transport lines every section of the answer shares (ICE-lite, DTLS server). */
    private static MediaDescription.Builder transport(MediaDescription.Builder b, String mid) {
        return b.port(40000).connection(Connection.ip4("203.0.113.10"))
                .addCandidate(SFU_CANDIDATE).endOfCandidates(true)
                .iceUfrag("sfuA").icePwd("sfuPasswordSfuPassword12")
                .addFingerprint(new Fingerprint("sha-256", SFU_FINGERPRINT)).setup(Setup.PASSIVE)
                .mid(mid);
    }

    static SessionDescription answerTo(SessionDescription offer) {
        var offeredAudio = offer.media().get(0);
        var offeredVideo = offer.media().get(1);

        // Audio: a fresh section, the SFU only receives.
        var opus = offeredAudio.codecsNamed("opus").getFirst();
        var audio = transport(MediaDescription.builder(MediaKind.AUDIO), offeredAudio.mid().orElseThrow())
                .addExtmap(offeredAudio.extmap(Extmap.AUDIO_LEVEL).orElseThrow())
                .addExtmap(offeredAudio.extmap(Extmap.TRANSPORT_CC).orElseThrow())
                .addExtmap(offeredAudio.extmap(Extmap.MID).orElseThrow())
                .direction(Direction.RECVONLY)
                .rtcpMux(true)
                .addCodec(opus)
                .build();

        // Video: VP8 and its RTX out of the offer, without goog-remb, forwarding another participant.
        var vp8 = offeredVideo.codecsNamed("VP8").getFirst();
        var vp8Feedback = vp8.rtcpFeedback().stream().filter(f -> !f.equals(RtcpFeedback.GOOG_REMB)).toList();
        int rtxPt = offeredVideo.rtxPayloadTypeFor(vp8.payloadType()).orElseThrow();
        var forwarded = Msid.of("participant-7", "video-7");
        var video = transport(MediaDescription.builder(MediaKind.VIDEO), "1")
                .extmaps(List.of(offeredVideo.extmap(Extmap.TRANSPORT_CC).orElseThrow(),
                        offeredVideo.extmap(Extmap.MID).orElseThrow()))
                .direction(Direction.SENDRECV)
                .addMsid(forwarded)
                .rtcpMux(true).rtcpRsize(true)
                .codecs(List.of(vp8.withRtcpFeedback(vp8Feedback), Codec.rtx(rtxPt, vp8.payloadType(), 90000)))
                .addSsrcGroup(new SsrcGroup(SsrcGroup.FID, List.of(0x12345678L, 0x87654321L)))
                .addSsrc(Ssrc.of(0x12345678L, "parley-7", forwarded))
                .addSsrc(Ssrc.of(0x87654321L, "parley-7", forwarded))
                .build();

        var data = transport(MediaDescription.builder(MediaKind.APPLICATION), "2")
                .sctpPort(5000).maxMessageSize(262144)
                .build();

        return SessionDescription.builder(Origin.of("4611731400430051336", 1))
                .bundle(offer.bundleGroup())
                .addMsidSemantic(MsidSemantic.wmsAll())
                .iceLite(true)
                .media(List.of(audio, video, data))
                .build();
    }

    @Test
    void answerToChromeIsWrittenExactly() {
        var answer = answerTo(parseOk(SdpSamples.crlf(SdpSamples.CHROME_OFFER)));
        assertEquals(EXPECTED, answer.write());
    }

    @Test
    void answerParsesBackToTheSameModel() {
        var answer = answerTo(parseOk(SdpSamples.crlf(SdpSamples.CHROME_OFFER)));
        var reparsed = parseOk(answer.write());
        assertEquals(answer, reparsed);
        assertTrue(reparsed.iceLite());
        assertEquals(List.of("0", "1", "2"), reparsed.bundleGroup());
        assertEquals(List.of(0x12345678L, 0x87654321L), reparsed.media().get(1).ssrcsOf("video-7"));
        assertEquals(OptionalInt.of(97), reparsed.media().get(1).rtxPayloadTypeFor(96));
    }

    @Test
    void withMethodsChangeOneThing() {
        var answer = answerTo(parseOk(SdpSamples.crlf(SdpSamples.CHROME_OFFER)));
        var video = answer.media().get(1);
        var rejected = video.withPort(0).withDirection(Direction.INACTIVE);
        assertTrue(rejected.isRejected());
        assertEquals(video.codecs(), rejected.codecs());
        assertTrue(rejected.write().startsWith("m=video 0 UDP/TLS/RTP/SAVPF 96 97\r\n"));
        assertTrue(rejected.write().contains("\r\na=inactive\r\n"));

        var onlyVp8 = video.withCodecs(List.of(video.codec(96).orElseThrow()));
        assertEquals(List.of("96"), onlyVp8.formats());
        assertTrue(onlyVp8.write().startsWith("m=video 40000 UDP/TLS/RTP/SAVPF 96\r\n"));

        var renegotiated = answer.withOrigin(answer.origin().withSessVersion(2))
                .withMedia(List.of(answer.media().get(0), rejected, answer.media().get(2)));
        assertTrue(renegotiated.write().startsWith("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"));
        assertEquals(Optional.of(rejected), renegotiated.mediaByMid("1"));

        var bundleOnly = video.toBuilder().port(0).addAttribute(Attribute.flag("bundle-only")).build();
        assertTrue(bundleOnly.isBundleOnly());
        assertTrue(!bundleOnly.isRejected());
        assertTrue(video.withCandidates(List.of()).candidates().isEmpty());
        assertEquals(List.of(), video.withSsrcs(List.of(), List.of()).ssrcIds());
    }

    @Test
    void codecFmtpHelpers() {
        var params = new LinkedHashMap<String, String>();
        params.put("minptime", "10");
        params.put("useinbandfec", "1");
        params.put("0-15", "");
        var codec = Codec.of(111, "opus", 48000, 2).withFmtpParameters(params);
        assertEquals("minptime=10;useinbandfec=1;0-15", codec.fmtp());
        assertEquals(params, codec.fmtpParameters());
        assertEquals(List.of("minptime", "useinbandfec", "0-15"), List.copyOf(codec.fmtpParameters().sequencedKeySet()));
        var spaced = codec.withFmtp("minptime=10; useinbandfec=1");
        assertEquals(Optional.of("1"), spaced.fmtpParameter("UseInbandFec"));
        assertEquals(OptionalInt.empty(), codec.associatedPayloadType());
        assertEquals(OptionalInt.of(96), Codec.rtx(97, 96, 90000).associatedPayloadType());
        assertEquals(OptionalInt.empty(), Codec.rtx(97, 96, 90000).withFmtp("apt=x").associatedPayloadType());
        assertThrows(UnsupportedOperationException.class, () -> codec.fmtpParameters().put("x", "y"));
    }

    @Test
    void valuesThatWouldBreakTheTextAreRefused() {
        var builder = MediaDescription.builder(MediaKind.AUDIO).addCodec(Codec.of(0, "PCMU", 8000));
        assertThrows(IllegalArgumentException.class, () -> builder.mid("0\r\na=evil").build());
        assertThrows(IllegalArgumentException.class, () -> Attribute.of("x-note", "line\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> Attribute.flag("has space"));
        assertThrows(IllegalArgumentException.class, () -> Codec.of(128, "x", 90000));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("sha-256", "not hex"));
        assertThrows(IllegalArgumentException.class, () -> Ssrc.of(1L << 32, "cname"));
        assertThrows(IllegalArgumentException.class, () -> new Ssrc(1, Optional.empty(), Optional.empty(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Candidate.Extension("raddr", "1.2.3.4"));
        assertThrows(IllegalArgumentException.class, () -> MediaDescription.builder(MediaKind.VIDEO).build());
        assertThrows(IllegalArgumentException.class, () -> SessionDescription.builder(Origin.of("1", 1))
                .timings(List.of()).build());
    }

    @Test
    void directions() {
        assertEquals(Direction.RECVONLY, Direction.SENDONLY.reversed());
        assertEquals(Direction.SENDONLY, Direction.RECVONLY.reversed());
        assertEquals(Direction.SENDRECV, Direction.SENDRECV.reversed());
        assertEquals(Direction.INACTIVE, Direction.INACTIVE.reversed());
        assertTrue(Direction.SENDRECV.sends() && Direction.SENDRECV.receives());
        assertTrue(!Direction.RECVONLY.sends() && Direction.RECVONLY.receives());
    }
}
