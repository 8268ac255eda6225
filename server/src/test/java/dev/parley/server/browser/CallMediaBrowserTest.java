package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.parley.media.Peer;
import dev.parley.media.Room;
import dev.parley.media.RoomListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What calls need of the SFU, with Chromium as the peer: DTMF from RTCDTMFSender, and ICE restart. */
class CallMediaBrowserTest extends BrowserTestBase {

    private static void publish(Page page, String room) {
        page.evaluate("""
                async (room) => {
                  window.token = await parleyDemo.mintToken(window.apiKey);
                  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                  window.publisher = await parleyDemo.publish(room, window.token, stream);
                  for (let i = 0; i < 100 && window.publisher.connectionState !== 'connected'; i++) {
                    await new Promise(r => setTimeout(r, 100));
                  }
                }""", room);
        assertEquals("connected", page.evaluate("() => window.publisher.connectionState"));
    }

    @Test
    void chromiumsDtmfDigitsArriveOnceEach() throws Exception {
        Page publisher = demoPage();
        publish(publisher, "dtmf-room");
        var media = server.server().media();
        String roomKey = findRoomKey("dtmf-room");
        var digits = new CopyOnWriteArrayList<Character>();
        media.withRoom(roomKey, room -> {
            room.addListener(new RoomListener() {
                @Override
                public void onDtmf(Room r, Peer peer, char digit) {
                    digits.add(digit);
                }
            });
            return null;
        }).get(5, TimeUnit.SECONDS);
        Object canInsert = publisher.evaluate("""
                () => {
                  const sender = window.publisher.getSenders().find(s => s.track && s.track.kind === 'audio');
                  if (!sender.dtmf.canInsertDTMF) return false;
                  sender.dtmf.insertDTMF('12#', 100, 70);
                  return true;
                }""");
        assertEquals(true, canInsert, "Chromium sends DTMF only when the answer has telephone-event");
        long deadline = System.currentTimeMillis() + 10_000;
        while (digits.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertEquals(List.of('1', '2', '#'), digits);
    }

    @Test
    void chromiumRestartsIceOnItsPublishConnectionAndMediaGoesOn() throws Exception {
        Page publisher = demoPage();
        publish(publisher, "restart-room");
        Page player = demoPage();
        player.evaluate("""
                async (room) => {
                  const token = await parleyDemo.mintToken(window.apiKey, 'viewer');
                  window.pc = await parleyDemo.play(room, token);
                }""", "restart-room");
        WhipWhepBrowserTest.waitFor(player, "s => s.framesDecoded > 10", 30);
        String location = (String) publisher.evaluate("() => parleyDemo.state.whipLocation");
        String peerId = location.substring(location.lastIndexOf('/') + 1);
        var media = server.server().media();
        String ufragBefore = media.withPeer(peerId, p -> p.endpoint().localIce().ufrag()).get(5, TimeUnit.SECONDS)
                .orElseThrow();

        String offer = (String) publisher.evaluate("""
                async () => {
                  const offer = await window.publisher.createOffer({iceRestart: true});
                  await window.publisher.setLocalDescription(offer);
                  return offer.sdp;
                }""");
        var answer = media.restartIce(peerId, offer).get(5, TimeUnit.SECONDS);
        publisher.evaluate("async (sdp) => window.publisher.setRemoteDescription({type: 'answer', sdp})", answer.sdp());
        String ufragAfter = media.withPeer(peerId, p -> p.endpoint().localIce().ufrag()).get(5, TimeUnit.SECONDS)
                .orElseThrow();
        assertNotEquals(ufragBefore, ufragAfter);
        assertTrue(answer.sdp().contains("a=ice-ufrag:" + ufragAfter), answer.sdp());

        long successesAtRestart = iceSuccesses(peerId);
        long deadline = System.currentTimeMillis() + 15_000;
        while (iceSuccesses(peerId) <= successesAtRestart && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(iceSuccesses(peerId) > successesAtRestart, "Chromium's checks with the new credentials succeed");
        int frames = ((Number) WhipWhepBrowserTest.stats(player).get("framesDecoded")).intValue();
        WhipWhepBrowserTest.waitFor(player, "s => s.framesDecoded > " + (frames + 30), 20);
        assertEquals("connected", publisher.evaluate("() => window.publisher.connectionState"));
    }

    @Test
    void chromiumAnswersAnIceRestartParleyOffers() throws Exception {
        Page publisher = demoPage();
        publish(publisher, "restart-offer-room");
        var media = server.server().media();
        String roomKey = findRoomKey("restart-offer-room");
        List<String> tracks = media.withRoom(roomKey, room -> room.tracks().stream().map(t -> t.id()).toList())
                .get(5, TimeUnit.SECONDS).orElseThrow();
        var offer = media.offerTracks(roomKey, "viewer", tracks).get(5, TimeUnit.SECONDS);
        assertEquals(tracks.size(), offer.tracks().size());
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
        WhipWhepBrowserTest.waitFor(viewer, "s => s.framesDecoded > 10", 30);

        var restart = media.restartIceOffer(offer.peerId()).get(5, TimeUnit.SECONDS);
        assertEquals(offer.tracks(), restart.tracks());
        long successesAtRestart = iceSuccesses(offer.peerId());
        String second = (String) viewer.evaluate("""
                async (offer) => {
                  await window.pc.setRemoteDescription({type: 'offer', sdp: offer});
                  const answer = await window.pc.createAnswer();
                  await window.pc.setLocalDescription(answer);
                  return answer.sdp;
                }""", restart.sdp());
        media.acceptAnswer(offer.peerId(), second).get(5, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 15_000;
        while (iceSuccesses(offer.peerId()) <= successesAtRestart && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(iceSuccesses(offer.peerId()) > successesAtRestart, "Chromium's checks with the new credentials succeed");
        int frames = ((Number) WhipWhepBrowserTest.stats(viewer).get("framesDecoded")).intValue();
        WhipWhepBrowserTest.waitFor(viewer, "s => s.framesDecoded > " + (frames + 30), 20);
        assertEquals("connected", viewer.evaluate("() => window.pc.connectionState"));
    }

    private long iceSuccesses(String peerId) throws Exception {
        return server.server().media().withPeer(peerId, p -> ((Number) p.endpoint().debugState().get("iceSuccesses"))
                .longValue()).get(5, TimeUnit.SECONDS).orElseThrow();
    }

    private String findRoomKey(String room) throws Exception {
        var state = server.server().media().debugState().get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        var rooms = (List<Map<String, Object>>) state.get("rooms");
        return rooms.stream().map(r -> (String) r.get("key")).filter(k -> k.endsWith("/" + room)).findFirst().orElseThrow();
    }
}
