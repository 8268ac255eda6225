package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One-to-one calls between two Chromium pages through the SDK, the signaling server and the
 * SFU; every check is on what the other page actually receives.
 */
class CallBrowserTest extends BrowserTestBase {

    private static final int RING_TIMEOUT_SECONDS = 4;

    @Override
    Map<String, String> serverEnvironment() {
        return Map.of("PARLEY_CALLS_RING_TIMEOUT_SECONDS", Integer.toString(RING_TIMEOUT_SECONDS));
    }

    private SdkPage page(String identity) {
        return SdkPage.signIn(chromium, server.http().baseUrl(), identity);
    }

    /** {@code caller} calls {@code callee} with video; the callee accepts; both see media. */
    private String establish(SdkPage caller, SdkPage callee) {
        caller.eval("to => harness.callWebrtc(to, {audio: true, video: true})", callee.identity);
        callee.awaitEvent("incoming-call", 15);
        callee.eval("() => harness.incoming.accept({audio: true, video: true})");
        caller.awaitEvent("established", 15);
        callee.awaitEvent("established", 15);
        caller.awaitVideoRising(30, 30);
        callee.awaitVideoRising(30, 30);
        String callId = (String) caller.eval("() => harness.call.id()");
        assertEquals(callId, callee.eval("() => harness.call.id()"), "one call id on both sides");
        return callId;
    }

    @org.junit.jupiter.api.AfterEach
    void closePages() {
        chromium.closePages(); // calls left up would load the next tests' machine
    }

    @SuppressWarnings("unchecked")
    private static String errorName(Map<String, Object> event) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        return (String) ((Map<String, Object>) detail.get("errorCode")).get("name");
    }

    @Test
    void callAndAnswerCarryVideoAndAudioBothWays() {
        SdkPage alice = page("alice-1");
        SdkPage bob = page("bob-1");
        establish(alice, bob);
        alice.awaitEvent("ringing", 1);
        for (SdkPage side : List.of(alice, bob)) {
            side.awaitStats("more than 50 video frames decoded", s -> ((Number) s.get("videoFrames")).intValue() > 50, 30);
            side.awaitAudioRising(15);
        }
        alice.eval("() => harness.call.hangup()");
        assertEquals("NORMAL_HANGUP", errorName(bob.awaitEvent("hangup", 10)));
        assertEquals("NORMAL_HANGUP", errorName(alice.awaitEvent("hangup", 10)));
    }

    @Test
    void aDeclinedCallEndsWithRejected() {
        SdkPage alice = page("alice-2");
        SdkPage bob = page("bob-2");
        alice.eval("to => harness.callWebrtc(to, {audio: true, video: false})", bob.identity);
        bob.awaitEvent("incoming-call", 15);
        bob.eval("() => harness.incoming.decline()");
        assertEquals("REJECTED", errorName(alice.awaitEvent("hangup", 10)));
    }

    @Test
    void aCalleeInACallIsBusy() {
        SdkPage alice = page("alice-3");
        SdkPage bob = page("bob-3");
        SdkPage carol = page("carol-3");
        establish(alice, bob);
        carol.eval("to => harness.callWebrtc(to, {audio: true, video: false})", bob.identity);
        assertEquals("BUSY", errorName(carol.awaitEvent("hangup", 10)));
        assertTrue(bob.events().stream().filter(e -> "incoming-call".equals(e.get("name"))).count() == 1,
                "bob was not rung for the second call");
    }

    @Test
    void anUnansweredCallEndsWithNoAnswer() {
        SdkPage alice = page("alice-4");
        SdkPage dave = page("dave-4");
        alice.eval("to => harness.callWebrtc(to, {audio: true, video: false})", dave.identity);
        dave.awaitEvent("incoming-call", 15);
        assertEquals("NO_ANSWER", errorName(alice.awaitEvent("hangup", RING_TIMEOUT_SECONDS + 10)));
        assertEquals("NO_ANSWER", errorName(dave.awaitEvent("hangup", 5)));
    }

    @Test
    void aCallerWhoHangsUpFirstCancels() {
        SdkPage alice = page("alice-5");
        SdkPage bob = page("bob-5");
        alice.eval("to => harness.callWebrtc(to, {audio: true, video: false})", bob.identity);
        bob.awaitEvent("incoming-call", 15);
        alice.eval("() => harness.call.hangup()");
        assertEquals("CANCELLED", errorName(bob.awaitEvent("hangup", 10)));
    }

    @Test
    void muteIsSeenRemotelyAndSilencesTheAudio() {
        SdkPage alice = page("alice-6");
        SdkPage bob = page("bob-6");
        establish(alice, bob);
        bob.awaitAudioRising(15);
        alice.eval("() => harness.call.mute(true)");
        bob.awaitEvent("remote-muted", 10);
        assertEquals(true, alice.eval("() => harness.call.muted()"));
        bob.page.waitForTimeout(1000); // what was in flight
        double before = bob.number("audioEnergy");
        bob.page.waitForTimeout(2000);
        double after = bob.number("audioEnergy");
        assertTrue(after - before < 0.001, "no audio energy while muted: " + before + " -> " + after);
        alice.eval("() => harness.call.mute(false)");
        bob.awaitEvent("remote-unmuted", 10);
        bob.awaitAudioRising(15);
    }

    @Test
    void cameraOffStopsTheRemoteVideoAndOnBringsItBackAndTheOtherCameraReplacesIt() {
        SdkPage alice = page("alice-7");
        SdkPage bob = page("bob-7");
        establish(alice, bob);
        alice.eval("() => harness.call.cameraVideo(false)");
        bob.awaitEvent("remote-camera-video-removed", 10);
        assertEquals(false, alice.eval("() => harness.call.hasCameraVideo()"));
        bob.page.waitForTimeout(1000);
        double before = bob.number("videoFrames");
        bob.page.waitForTimeout(2000);
        assertTrue(bob.number("videoFrames") - before <= 2, "no frames while alice's camera is off");
        alice.eval("() => harness.call.cameraVideo(true)");
        bob.awaitEvent("remote-camera-video-added", 10);
        bob.awaitVideoRising(30, 20);
        assertEquals(true, bob.eval("() => harness.call.hasRemoteCameraVideo()"));

        // Turning to the other camera: a new camera track (Chromium's fake device has no facing
        // mode, so the same picture), which bob keeps decoding.
        assertEquals("USER", alice.eval("() => harness.call.cameraFacingMode()"));
        Object oldTrack = alice.eval("() => harness.call.localStream().getVideoTracks()[0].id");
        alice.eval("() => harness.call.switchCameraFacingMode()");
        assertEquals("ENVIRONMENT", alice.eval("() => harness.call.cameraFacingMode()"));
        Object newTrack = alice.eval("() => harness.call.localStream().getVideoTracks()[0].id");
        assertTrue(newTrack != null && !newTrack.equals(oldTrack), "a new camera track: " + oldTrack + " -> " + newTrack);
        bob.awaitVideoRising(30, 20);
        Object thrown = alice.eval("""
                () => { try { harness.client.callWebrtc('carol-7', {video: true, cameraFacingMode: 'SIDEWAYS'});
                              return 'no error'; }
                        catch (e) { return e.errorCode.name; } }""");
        assertEquals("INVALID_REQUEST", thrown);
    }

    @Test
    void aSharedScreenIsDecodedByTheOtherParty() {
        SdkPage alice = page("alice-8");
        SdkPage bob = page("bob-8");
        establish(alice, bob);
        alice.eval("() => harness.call.screenShare(true)");
        alice.awaitEvent("screen-share-added", 10);
        bob.awaitEvent("remote-screen-share-added", 10);
        // Camera and screen: two video streams decoding at bob's.
        bob.awaitStats("two decoding video streams", s -> ((List<?>) s.get("videos")).stream()
                .filter(v -> ((Number) ((Map<?, ?>) v).get("framesDecoded")).intValue() > 20).count() >= 2, 30);
        assertEquals(true, bob.eval("() => harness.call.hasRemoteScreenShare()"));
        alice.eval("() => harness.call.screenShare(false)");
        bob.awaitEvent("remote-screen-share-removed", 10);
    }

    @Test
    void holdStopsMediaBothWaysAndResumeBringsItBack() {
        SdkPage alice = page("alice-9");
        SdkPage bob = page("bob-9");
        establish(alice, bob);
        alice.eval("() => harness.call.hold(true)");
        @SuppressWarnings("unchecked")
        var mine = (Map<String, Object>) alice.awaitEvent("hold-changed", 10).get("detail");
        @SuppressWarnings("unchecked")
        var theirs = (Map<String, Object>) bob.awaitEvent("hold-changed", 10).get("detail");
        assertEquals(true, mine.get("onHold"));
        assertEquals(false, mine.get("remote"));
        assertEquals(true, theirs.get("onHold"));
        assertEquals(true, theirs.get("remote"));
        alice.page.waitForTimeout(1000);
        double aliceBefore = alice.number("videoFrames");
        double bobBefore = bob.number("videoFrames");
        alice.page.waitForTimeout(2000);
        assertTrue(alice.number("videoFrames") - aliceBefore <= 2, "alice receives nothing on hold");
        assertTrue(bob.number("videoFrames") - bobBefore <= 2, "bob receives nothing on hold");
        alice.eval("() => harness.call.hold(false)");
        bob.awaitEvent("hold-changed", 2, 10);
        alice.awaitVideoRising(30, 20);
        bob.awaitVideoRising(30, 20);
    }

    @Test
    void dtmfDigitsArriveInOrder() {
        SdkPage alice = page("alice-10");
        SdkPage bob = page("bob-10");
        establish(alice, bob);
        alice.eval("() => harness.call.sendDTMF('19#*')");
        for (int i = 1; i <= 4; i++) {
            bob.awaitEvent("dtmf-received", i, 15);
        }
        List<Object> digits = bob.events().stream().filter(e -> "dtmf-received".equals(e.get("name")))
                .map(e -> ((Map<?, ?>) e.get("detail")).get("digit")).map(Object.class::cast).toList();
        assertEquals(List.of("1", "9", "#", "*"), digits);
    }

    @Test
    void aDroppedNetworkComesBackAndCarriesMediaAgain() throws Exception {
        SdkPage alice = page("alice-11");
        SdkPage bob = page("bob-11");
        String callId = establish(alice, bob);
        var media = server.server().media();
        List<String> alicePeers = peersOf(callId, alice.identity);
        assertTrue(!alicePeers.isEmpty(), "alice has media peers in the call");
        // The network goes: alice's UDP is dropped both ways and her signaling socket closes.
        for (String peer : alicePeers) {
            media.setBlackhole(peer, true).get(5, TimeUnit.SECONDS);
        }
        alice.eval("() => harness.sockets.filter(s => s.readyState === WebSocket.OPEN).forEach(s => s.close(4000, 'test: network lost'))");
        bob.awaitEvent("remote-disconnected", 20);
        alice.page.waitForTimeout(4000);
        for (String peer : alicePeers) {
            media.setBlackhole(peer, false).get(5, TimeUnit.SECONDS);
        }
        bob.awaitEvent("remote-reconnected", 30);
        alice.awaitEvent("reconnected", 30);
        assertEquals(callId, alice.eval("() => harness.call.id()"), "the same call");
        alice.awaitVideoRising(30, 30);
        bob.awaitVideoRising(30, 30);
        alice.awaitAudioRising(15);
    }

    @Test
    void networkQualityFollowsLossOnTheLinkAndReachesBothParties() throws Exception {
        SdkPage alice = page("alice-13");
        SdkPage bob = page("bob-13");
        String callId = establish(alice, bob);
        // A clean loopback call is excellent or good.
        Map<String, Object> clean = bob.awaitEvent("network-quality-changed", 15);
        assertTrue(quality(clean) >= 4, "clean link: " + clean);
        // A third of what Parley sends bob is lost: bob's receiver reports say so.
        var media = server.server().media();
        for (String peer : peersOf(callId, bob.identity)) {
            media.withPeer(peer, p -> {
                if (!p.allLegs().isEmpty()) {
                    p.endpoint().setOutboundRtpLoss(0.33);
                }
                return null;
            }).get(5, TimeUnit.SECONDS);
        }
        bob.awaitStats("a BAD or POOR quality event", s -> bob.events().stream()
                .anyMatch(e -> "network-quality-changed".equals(e.get("name")) && quality(e) <= 2), 20);
        alice.awaitStats("bob's BAD or POOR quality told to alice", s -> alice.events().stream()
                .anyMatch(e -> "remote-network-quality-changed".equals(e.get("name")) && quality(e) <= 2), 20);
    }

    private static int quality(Map<String, Object> event) {
        return ((Number) ((Map<?, ?>) event.get("detail")).get("networkQuality")).intValue();
    }

    @Test
    void aTokenOfAnotherAccountCannotReachThisAccountsIdentity() {
        SdkPage bob = page("bob-12");
        String otherKey = TestAccounts.createAccount(server.config(), "Other company");
        var issued = server.http().postJson("/webrtc/1/token", otherKey, "{\"identity\": \"mallory-12\"}");
        assertEquals(200, issued.status(), issued.toString());
        SdkPage mallory = SdkPage.signIn(chromium, server.http().baseUrl(), "mallory-12",
                issued.json().get("token").asText());
        mallory.eval("to => harness.callWebrtc(to, {audio: true, video: false})", bob.identity);
        assertEquals("DESTINATION_NOT_FOUND", errorName(mallory.awaitEvent("hangup", 10)));
        bob.page.waitForTimeout(500);
        assertTrue(bob.events().stream().noneMatch(e -> "incoming-call".equals(e.get("name"))), "bob was never rung");
    }

    /** The media peers {@code identity} has in call {@code callId}. */
    private List<String> peersOf(String callId, String identity) throws Exception {
        var state = server.server().media().debugState().get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        var rooms = (List<Map<String, Object>>) state.get("rooms");
        String key = rooms.stream().map(r -> (String) r.get("key")).filter(k -> k.endsWith("/call/" + callId))
                .findFirst().orElseThrow(() -> new AssertionError("no media room for call " + callId + " in " + rooms));
        return server.server().media().withRoom(key, room -> room.peers().stream()
                .filter(p -> p.participant().equals(identity)).map(p -> p.id()).toList())
                .get(5, TimeUnit.SECONDS).orElseThrow();
    }
}
