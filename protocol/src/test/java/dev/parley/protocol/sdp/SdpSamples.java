package dev.parley.protocol.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Offers written for these tests in the shape each browser produces (attribute order, ids,
 * spacing), with made-up addresses, keys and ids. {@link #crlf} gives them the CRLF line
 * endings browsers send.
 */
final class SdpSamples {

    private SdpSamples() {
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    static List<byte[]> seeds() {
        return List.of(CHROME_OFFER, FIREFOX_OFFER, SAFARI_OFFER, CHROME_SIMULCAST_OFFER).stream()
                .map(s -> crlf(s).getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Chrome: audio (opus, red, G.711, DTMF), video (VP8, H264, VP9, AV1 with RTX; red/ulpfec), data channel. */
    static final String CHROME_OFFER = """
            v=0
            o=- 7216351298741106635 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1 2
            a=extmap-allow-mixed
            a=msid-semantic: WMS 8ca81811-66d2-4876-b2fd-f2022a96fb1a
            m=audio 53124 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
            c=IN IP4 198.51.100.23
            a=rtcp:9 IN IP4 0.0.0.0
            a=candidate:1467250027 1 udp 2122260223 192.168.1.34 53124 typ host generation 0 network-id 1 network-cost 10
            a=candidate:3854719312 1 udp 1686052607 198.51.100.23 53124 typ srflx raddr 192.168.1.34 rport 53124 generation 0 network-id 1 network-cost 10
            a=candidate:2699114511 1 tcp 1518280447 192.168.1.34 9 typ host tcptype active generation 0 network-id 1 network-cost 10
            a=ice-ufrag:Kq7v
            a=ice-pwd:Yh3cJ9pL2mWx8RtN4bZs6DfG
            a=ice-options:trickle
            a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
            a=setup:actpass
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:8ca81811-66d2-4876-b2fd-f2022a96fb1a d1bc52d9-230d-477e-a225-71594720771f
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:1001583274 cname:u3XqW8cN2pLk5TzR
            a=ssrc:1001583274 msid:8ca81811-66d2-4876-b2fd-f2022a96fb1a d1bc52d9-230d-477e-a225-71594720771f
            m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 98 99 45 46 116 117 118
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:Kq7v
            a=ice-pwd:Yh3cJ9pL2mWx8RtN4bZs6DfG
            a=ice-options:trickle
            a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
            a=setup:actpass
            a=mid:1
            a=extmap:14 urn:ietf:params:rtp-hdrext:toffset
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:13 urn:3gpp:video-orientation
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
            a=extmap:6 http://www.webrtc.org/experiments/rtp-hdrext/video-content-type
            a=extmap:7 http://www.webrtc.org/experiments/rtp-hdrext/video-timing
            a=extmap:8 http://www.webrtc.org/experiments/rtp-hdrext/color-space
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
            a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id
            a=sendrecv
            a=msid:8ca81811-66d2-4876-b2fd-f2022a96fb1a 47469a4d-8cdb-405f-9d2e-16096e36aab0
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=rtpmap:102 H264/90000
            a=rtcp-fb:102 goog-remb
            a=rtcp-fb:102 transport-cc
            a=rtcp-fb:102 ccm fir
            a=rtcp-fb:102 nack
            a=rtcp-fb:102 nack pli
            a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
            a=rtpmap:103 rtx/90000
            a=fmtp:103 apt=102
            a=rtpmap:104 H264/90000
            a=rtcp-fb:104 goog-remb
            a=rtcp-fb:104 transport-cc
            a=rtcp-fb:104 ccm fir
            a=rtcp-fb:104 nack
            a=rtcp-fb:104 nack pli
            a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
            a=rtpmap:105 rtx/90000
            a=fmtp:105 apt=104
            a=rtpmap:98 VP9/90000
            a=rtcp-fb:98 goog-remb
            a=rtcp-fb:98 transport-cc
            a=rtcp-fb:98 ccm fir
            a=rtcp-fb:98 nack
            a=rtcp-fb:98 nack pli
            a=fmtp:98 profile-id=0
            a=rtpmap:99 rtx/90000
            a=fmtp:99 apt=98
            a=rtpmap:45 AV1/90000
            a=rtcp-fb:45 goog-remb
            a=rtcp-fb:45 transport-cc
            a=rtcp-fb:45 ccm fir
            a=rtcp-fb:45 nack
            a=rtcp-fb:45 nack pli
            a=fmtp:45 level-idx=5;profile=0;tier=0
            a=rtpmap:46 rtx/90000
            a=fmtp:46 apt=45
            a=rtpmap:116 red/90000
            a=rtpmap:117 rtx/90000
            a=fmtp:117 apt=116
            a=rtpmap:118 ulpfec/90000
            a=ssrc-group:FID 2875129041 1623844915
            a=ssrc:2875129041 cname:u3XqW8cN2pLk5TzR
            a=ssrc:2875129041 msid:8ca81811-66d2-4876-b2fd-f2022a96fb1a 47469a4d-8cdb-405f-9d2e-16096e36aab0
            a=ssrc:1623844915 cname:u3XqW8cN2pLk5TzR
            a=ssrc:1623844915 msid:8ca81811-66d2-4876-b2fd-f2022a96fb1a 47469a4d-8cdb-405f-9d2e-16096e36aab0
            m=application 9 UDP/DTLS/SCTP webrtc-datachannel
            c=IN IP4 0.0.0.0
            a=ice-ufrag:Kq7v
            a=ice-pwd:Yh3cJ9pL2mWx8RtN4bZs6DfG
            a=ice-options:trickle
            a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
            a=setup:actpass
            a=mid:2
            a=sctp-port:5000
            a=max-message-size:262144
            """;

    /**
     * Firefox: its attribute order (roughly alphabetical, fmtp before rtpmap), fingerprint at
     * session level, extmap with direction, mDNS candidates and end-of-candidates, one ssrc line
     * per source with the FID group after them, G722 with "/1".
     */
    static final String FIREFOX_OFFER = """
            v=0
            o=mozilla...THIS_IS_SDPARTA-128.0 3861402931640417512 0 IN IP4 0.0.0.0
            s=-
            t=0 0
            a=fingerprint:sha-256 34:60:BE:31:20:1E:69:FE:DA:A0:EE:E8:B9:99:7F:5C:7C:29:99:FD:AF:E5:93:25:3C:D6:54:AF:4D:FA:D7:14
            a=group:BUNDLE 0 1 2
            a=ice-options:trickle
            a=msid-semantic:WMS *
            m=audio 51234 UDP/TLS/RTP/SAVPF 109 9 0 8 101
            c=IN IP4 203.0.113.45
            a=candidate:0 1 UDP 2122187007 5bd86d40-fc89-4b4a-aa50-df4db4d66a3a.local 51234 typ host
            a=candidate:2 1 UDP 1685987327 203.0.113.45 51234 typ srflx raddr 0.0.0.0 rport 0
            a=candidate:1 1 TCP 2105458943 5bd86d40-fc89-4b4a-aa50-df4db4d66a3a.local 9 typ host tcptype active
            a=sendrecv
            a=end-of-candidates
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level
            a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid
            a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1
            a=fmtp:101 0-15
            a=ice-pwd:58904dba41ecccc3fc1626e53a13043b
            a=ice-ufrag:026c48bb
            a=mid:0
            a=msid:{f52ddf5d-6164-49c9-a25a-7605aec6f024} {2d1c9af0-153e-4c2a-a6a2-c0bd3b1287ff}
            a=rtcp-mux
            a=rtpmap:109 opus/48000/2
            a=rtpmap:9 G722/8000/1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000/1
            a=setup:actpass
            a=ssrc:2913446310 cname:{3bbbe9ea-a894-4c89-bb61-867626bb7dbd}
            m=video 9 UDP/TLS/RTP/SAVPF 120 124 121 125 126 127 97 98 123 122 119
            c=IN IP4 0.0.0.0
            a=sendrecv
            a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:5 urn:ietf:params:rtp-hdrext:toffset
            a=extmap:6/recvonly http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
            a=extmap:7 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=fmtp:126 profile-level-id=42e01f;level-asymmetry-allowed=1;packetization-mode=1
            a=fmtp:97 profile-level-id=42e01f;level-asymmetry-allowed=1
            a=fmtp:120 max-fs=12288;max-fr=60
            a=fmtp:124 apt=120
            a=fmtp:121 max-fs=12288;max-fr=60
            a=fmtp:125 apt=121
            a=fmtp:127 apt=126
            a=fmtp:98 apt=97
            a=fmtp:119 apt=122
            a=ice-pwd:58904dba41ecccc3fc1626e53a13043b
            a=ice-ufrag:026c48bb
            a=mid:1
            a=msid:{f52ddf5d-6164-49c9-a25a-7605aec6f024} {96d0cc5f-d4c2-4c2e-bc26-847f0316909e}
            a=rtcp-fb:120 nack
            a=rtcp-fb:120 nack pli
            a=rtcp-fb:120 ccm fir
            a=rtcp-fb:120 goog-remb
            a=rtcp-fb:120 transport-cc
            a=rtcp-fb:121 nack
            a=rtcp-fb:121 nack pli
            a=rtcp-fb:121 ccm fir
            a=rtcp-fb:121 goog-remb
            a=rtcp-fb:121 transport-cc
            a=rtcp-fb:126 nack
            a=rtcp-fb:126 nack pli
            a=rtcp-fb:126 ccm fir
            a=rtcp-fb:126 goog-remb
            a=rtcp-fb:126 transport-cc
            a=rtcp-fb:97 nack
            a=rtcp-fb:97 nack pli
            a=rtcp-fb:97 ccm fir
            a=rtcp-fb:97 goog-remb
            a=rtcp-fb:97 transport-cc
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:120 VP8/90000
            a=rtpmap:124 rtx/90000
            a=rtpmap:121 VP9/90000
            a=rtpmap:125 rtx/90000
            a=rtpmap:126 H264/90000
            a=rtpmap:127 rtx/90000
            a=rtpmap:97 H264/90000
            a=rtpmap:98 rtx/90000
            a=rtpmap:123 ulpfec/90000
            a=rtpmap:122 red/90000
            a=rtpmap:119 rtx/90000
            a=setup:actpass
            a=ssrc:3362131178 cname:{3bbbe9ea-a894-4c89-bb61-867626bb7dbd}
            a=ssrc:1848295217 cname:{3bbbe9ea-a894-4c89-bb61-867626bb7dbd}
            a=ssrc-group:FID 3362131178 1848295217
            m=application 9 UDP/DTLS/SCTP webrtc-datachannel
            c=IN IP4 0.0.0.0
            a=sendrecv
            a=ice-pwd:58904dba41ecccc3fc1626e53a13043b
            a=ice-ufrag:026c48bb
            a=mid:2
            a=setup:actpass
            a=sctp-port:5000
            a=max-message-size:1073741823
            """;

    /**
     * Safari (WebKit's libwebrtc): data channel first, H264 ahead of VP8, video-orientation,
     * a send-only camera, ice-ufrag with a slash, mDNS host candidate, old-style mslabel/label
     * ssrc lines and a b=AS line.
     */
    static final String SAFARI_OFFER = """
            v=0
            o=- 5522613405729157871 3 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1 2
            a=msid-semantic: WMS 27a0aeb3-fee9-432f-8af2-211f9ee491c5
            m=application 61372 UDP/DTLS/SCTP webrtc-datachannel
            c=IN IP4 192.0.2.80
            a=candidate:2431618204 1 udp 2113937151 b10becb5-563b-4c1e-af93-427ecbc8fe29.local 61372 typ host generation 0 network-cost 999
            a=candidate:842163049 1 udp 1677729535 192.0.2.80 61372 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999
            a=ice-ufrag:/q+7
            a=ice-pwd:h2Kd9Lr/Vw8nX0pQz4YbT1cE
            a=ice-options:trickle
            a=fingerprint:sha-256 27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:FC:1E:6F:93:42:7E:CB:C8:FE:29
            a=setup:actpass
            a=mid:0
            a=sctp-port:5000
            a=max-message-size:262144
            m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:/q+7
            a=ice-pwd:h2Kd9Lr/Vw8nX0pQz4YbT1cE
            a=ice-options:trickle
            a=fingerprint:sha-256 27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:FC:1E:6F:93:42:7E:CB:C8:FE:29
            a=setup:actpass
            a=mid:1
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:27a0aeb3-fee9-432f-8af2-211f9ee491c5 6f93427e-cbc8-4e29-9a1b-3c5d7e9f0a2b
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:3184022216 cname:QY2nR7vLx0Kd8mTp
            a=ssrc:3184022216 msid:27a0aeb3-fee9-432f-8af2-211f9ee491c5 6f93427e-cbc8-4e29-9a1b-3c5d7e9f0a2b
            a=ssrc:3184022216 mslabel:27a0aeb3-fee9-432f-8af2-211f9ee491c5
            a=ssrc:3184022216 label:6f93427e-cbc8-4e29-9a1b-3c5d7e9f0a2b
            m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 127 125
            c=IN IP4 0.0.0.0
            b=AS:1500
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:/q+7
            a=ice-pwd:h2Kd9Lr/Vw8nX0pQz4YbT1cE
            a=ice-options:trickle
            a=fingerprint:sha-256 27:A0:AE:B3:FE:E9:23:2F:8A:F2:21:1F:9E:E4:91:C5:B1:0B:EC:B5:56:3B:FC:1E:6F:93:42:7E:CB:C8:FE:29
            a=setup:actpass
            a=mid:2
            a=extmap:14 urn:ietf:params:rtp-hdrext:toffset
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:13 urn:3gpp:video-orientation
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:12 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendonly
            a=msid:27a0aeb3-fee9-432f-8af2-211f9ee491c5 0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 H264/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=rtpmap:98 H264/90000
            a=rtcp-fb:98 goog-remb
            a=rtcp-fb:98 transport-cc
            a=rtcp-fb:98 ccm fir
            a=rtcp-fb:98 nack
            a=rtcp-fb:98 nack pli
            a=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
            a=rtpmap:99 rtx/90000
            a=fmtp:99 apt=98
            a=rtpmap:100 VP8/90000
            a=rtcp-fb:100 goog-remb
            a=rtcp-fb:100 transport-cc
            a=rtcp-fb:100 ccm fir
            a=rtcp-fb:100 nack
            a=rtcp-fb:100 nack pli
            a=rtpmap:101 rtx/90000
            a=fmtp:101 apt=100
            a=rtpmap:127 red/90000
            a=rtpmap:125 rtx/90000
            a=fmtp:125 apt=127
            a=ssrc-group:FID 1466102534 3971140209
            a=ssrc:1466102534 cname:QY2nR7vLx0Kd8mTp
            a=ssrc:1466102534 msid:27a0aeb3-fee9-432f-8af2-211f9ee491c5 0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
            a=ssrc:3971140209 cname:QY2nR7vLx0Kd8mTp
            a=ssrc:3971140209 msid:27a0aeb3-fee9-432f-8af2-211f9ee491c5 0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
            """;

    /** Chrome sending three simulcast layers by rid: no ssrc lines, a=rid and a=simulcast instead. */
    static final String CHROME_SIMULCAST_OFFER = """
            v=0
            o=- 1934825567100376421 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0
            a=extmap-allow-mixed
            a=msid-semantic: WMS
            m=video 9 UDP/TLS/RTP/SAVPF 96 97
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:T0pc
            a=ice-pwd:Qw3rTy7uIo9pAs1dFg5hJk2L
            a=ice-options:trickle
            a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
            a=setup:actpass
            a=mid:0
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
            a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id
            a=sendonly
            a=msid:- 47469a4d-8cdb-405f-9d2e-16096e36aab0
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=rid:q send
            a=rid:h send
            a=rid:f send max-width=1280;max-height=720
            a=simulcast:send q;h;f
            """;
}
