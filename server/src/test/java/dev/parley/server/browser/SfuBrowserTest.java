package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.parley.media.sfu.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SFU with real Chromium peers: rooms of several, lossy legs, and refused DTLS identities. */
class SfuBrowserTest extends BrowserTestBase {

    private static void publish(Page page, String room) {
        page.evaluate("""
                async (room) => {
                  window.token = await parleyDemo.mintToken(window.apiKey);
                  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                  window.publisher = await parleyDemo.publish(room, window.token, stream);
                }""", room);
    }

    @Test
    void fourPagesInARoomEachDecodeTheOtherThreeVideos() {
        String room = "four-room";
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Page page = demoPage();
            publish(page, room);
            pages.add(page);
        }
        for (Page page : pages) {
            page.evaluate("async (room) => { window.pc = await parleyDemo.play(room, window.token, {videos: 3, audios: 3}); }",
                    room);
        }
        for (Page page : pages) {
            Map<?, ?> stats = WhipWhepBrowserTest.waitFor(page,
                    "s => s.videos.length === 3 && s.videos.every(v => v.framesDecoded > 30)", 45);
            assertEquals(3, ((List<?>) stats.get("videos")).size(), stats.toString());
        }
    }

    @Test
    void aLossySubscriberKeepsDecodingThroughNacksAndKeyframeRequests() throws Exception {
        String room = "lossy-room";
        Page publisher = demoPage();
        publish(publisher, room);
        Page player = demoPage();
        player.evaluate("""
                async (room) => {
                  const token = await parleyDemo.mintToken(window.apiKey, 'viewer');
                  window.pc = await parleyDemo.play(room, token);
                }""", room);
        WhipWhepBrowserTest.waitFor(player, "s => s.framesDecoded > 10", 30);
        String location = (String) player.evaluate("() => parleyDemo.state.whepLocation");
        String peerId = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(server.server().media().withPeer(peerId, peer -> {
            peer.endpoint().setOutboundRtpLoss(0.10);
            return true;
        }).get(5, TimeUnit.SECONDS).orElse(false), "the WHEP peer exists");

        Map<?, ?> before = WhipWhepBrowserTest.stats(player);
        Thread.sleep(8000);
        Map<?, ?> after = WhipWhepBrowserTest.stats(player);
        int decodedDuringLoss = ((Number) after.get("framesDecoded")).intValue()
                - ((Number) before.get("framesDecoded")).intValue();
        assertTrue(decodedDuringLoss > 100, "kept decoding with 10% loss: " + decodedDuringLoss + " frames in 8 s; " + after);

        var counters = server.server().media().withPeer(peerId, peer -> Map.of(
                "dropped", peer.endpoint().counters().droppedByFaultInjection(),
                "nacks", peer.endpoint().counters().nacksIn(),
                "keyframeRequests", peer.endpoint().counters().keyframeRequestsIn(),
                "retransmissions", peer.legs().stream().mapToLong(l -> l.stats().retransmissions()).sum()))
                .get(5, TimeUnit.SECONDS).orElseThrow();
        assertTrue(counters.get("dropped") > 50, counters.toString());
        assertTrue(counters.get("nacks") > 0, "the browser asked for what was lost: " + counters);
        assertTrue(counters.get("retransmissions") > 0, "and the SFU resent it from the leg's history: " + counters);
        List<?> videos = (List<?>) after.get("videos");
        Map<?, ?> video = (Map<?, ?>) videos.getFirst();
        assertTrue(((Number) video.get("nackCount")).intValue() > 0, "Chromium counted its NACKs: " + video);
    }

    @Test
    void chromiumAnswersParleysOwnOfferAndRenegotiation() throws Exception {
        Page publisher = demoPage();
        publish(publisher, "offer-room");
        var media = server.server().media();
        String roomKey = findRoomKey("offer-room");
        List<String> tracks = media.withRoom(roomKey, room -> room.tracks().stream().map(t -> t.id()).toList())
                .get(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals(2, tracks.size());

        var offer = media.offerTracks(roomKey, "viewer", tracks).get(5, TimeUnit.SECONDS);
        Page viewer = demoPage();
        String answer = (String) viewer.evaluate("""
                async (offer) => {
                  const pc = new RTCPeerConnection();
                  window.pc = pc;
                  pc.ontrack = (event) => {
                    const element = document.createElement(event.track.kind);
                    element.autoplay = true;
                    element.srcObject = new MediaStream([event.track]);
                    document.body.append(element);
                  };
                  await pc.setRemoteDescription({type: 'offer', sdp: offer});
                  const answer = await pc.createAnswer();
                  await pc.setLocalDescription(answer);
                  return answer.sdp;
                }""", offer.sdp());
        media.acceptAnswer(offer.peerId(), answer).get(5, TimeUnit.SECONDS);
        WhipWhepBrowserTest.waitFor(viewer, "s => s.framesDecoded > 30 && s.totalAudioEnergy > 0", 30);

        // Pause the video leg: frames stop; resume: they come back (from a keyframe).
        String videoTrack = media.withRoom(roomKey, room -> room.tracks().stream()
                .filter(t -> t.kind() == dev.parley.media.sfu.MediaKind.VIDEO).findFirst().orElseThrow().id())
                .get(5, TimeUnit.SECONDS).orElseThrow();
        media.setPaused(offer.peerId(), videoTrack, true).get(5, TimeUnit.SECONDS);
        Thread.sleep(500);
        int paused = ((Number) WhipWhepBrowserTest.stats(viewer).get("framesDecoded")).intValue();
        Thread.sleep(1500);
        int stillPaused = ((Number) WhipWhepBrowserTest.stats(viewer).get("framesDecoded")).intValue();
        assertTrue(stillPaused - paused <= 2, "no frames while paused: " + paused + " -> " + stillPaused);
        media.setPaused(offer.peerId(), videoTrack, false).get(5, TimeUnit.SECONDS);
        WhipWhepBrowserTest.waitFor(viewer, "s => s.framesDecoded > " + (stillPaused + 30), 20);

        // Renegotiate to audio only: Chromium takes the new offer on the same connection.
        String audioTrack = tracks.stream().filter(t -> !t.equals(videoTrack)).findFirst().orElseThrow();
        var update = media.updateTracks(offer.peerId(), List.of(audioTrack)).get(5, TimeUnit.SECONDS);
        String second = (String) viewer.evaluate("""
                async (offer) => {
                  await window.pc.setRemoteDescription({type: 'offer', sdp: offer});
                  const answer = await window.pc.createAnswer();
                  await window.pc.setLocalDescription(answer);
                  return answer.sdp;
                }""", update.sdp());
        media.acceptAnswer(offer.peerId(), second).get(5, TimeUnit.SECONDS);
        assertEquals("connected", viewer.evaluate("() => window.pc.connectionState"));
    }

    private String findRoomKey(String room) throws Exception {
        var state = server.server().media().debugState().get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        var rooms = (List<Map<String, Object>>) state.get("rooms");
        return rooms.stream().map(r -> (String) r.get("key")).filter(k -> k.endsWith("/" + room)).findFirst().orElseThrow();
    }

    @Test
    void h264IsForwardedWhenThePublisherPrefersIt() {
        Page publisher = demoPage();
        Object codecs = publisher.evaluate("""
                async () => {
                  window.token = await parleyDemo.mintToken(window.apiKey);
                  const stream = await navigator.mediaDevices.getUserMedia({audio: false, video: true});
                  const pc = new RTCPeerConnection();
                  const transceiver = pc.addTransceiver(stream.getVideoTracks()[0], {direction: 'sendonly'});
                  const h264 = RTCRtpSender.getCapabilities('video').codecs
                      .filter(c => c.mimeType === 'video/H264' && /packetization-mode=1/.test(c.sdpFmtpLine || ''));
                  if (h264.length === 0) return 'no H264 in this Chromium';
                  transceiver.setCodecPreferences(h264);
                  const offer = await pc.createOffer();
                  await pc.setLocalDescription(offer);
                  const response = await fetch('/whip/h264-room', {method: 'POST',
                      headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + window.token}, body: offer.sdp});
                  const answer = await response.text();
                  await pc.setRemoteDescription({type: 'answer', sdp: answer});
                  window.publisher = pc;
                  return answer.includes('H264/90000') ? 'H264' : 'answer without H264';
                }""");
        org.junit.jupiter.api.Assumptions.assumeFalse("no H264 in this Chromium".equals(codecs), "Chromium lacks H.264");
        assertEquals("H264", codecs);
        Page player = demoPage();
        player.evaluate("""
                async () => {
                  const token = await parleyDemo.mintToken(window.apiKey, 'viewer');
                  window.pc = await parleyDemo.play('h264-room', token, {videos: 1, audios: 0});
                }""");
        Map<?, ?> stats = WhipWhepBrowserTest.waitFor(player, "s => s.framesDecoded > 50", 30);
        assertTrue(((Number) stats.get("framesDecoded")).intValue() > 50);
    }

    @Test
    void aWrongDtlsFingerprintInTheOfferMakesTheConnectionFail() throws Exception {
        Page page = demoPage();
        String outcome = (String) page.evaluate("""
                async () => {
                  const token = await parleyDemo.mintToken(window.apiKey);
                  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                  const pc = new RTCPeerConnection();
                  stream.getTracks().forEach(t => pc.addTransceiver(t, {direction: 'sendonly'}));
                  const offer = await pc.createOffer();
                  await pc.setLocalDescription(offer);
                  // Claim another certificate than the one this browser will present.
                  const forged = offer.sdp.replace(/a=fingerprint:sha-256 ([0-9A-F]{2})/,
                      (m, first) => 'a=fingerprint:sha-256 ' + (first === 'AA' ? 'BB' : 'AA'));
                  const response = await fetch('/whip/forged-room', {method: 'POST',
                      headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + token}, body: forged});
                  if (response.status !== 201) return 'refused at signaling: ' + response.status;
                  await pc.setRemoteDescription({type: 'answer', sdp: await response.text()});
                  const deadline = Date.now() + 40000;
                  while (Date.now() < deadline) {
                    if (pc.connectionState === 'connected') return 'connected';
                    if (pc.connectionState === 'failed' || pc.connectionState === 'closed') return pc.connectionState;
                    await new Promise(r => setTimeout(r, 200));
                  }
                  return 'still ' + pc.connectionState;
                }""");
        assertEquals("failed", outcome);
    }

    static long retransmissions(List<Subscription> legs) {
        return legs.stream().mapToLong(l -> l.stats().retransmissions()).sum();
    }
}
