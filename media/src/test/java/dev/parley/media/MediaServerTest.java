package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.sfu.Subscription;
import dev.parley.media.testing.SyntheticPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import dev.parley.media.transport.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The media server with peers built from the protocol module, over loopback; the forwarding
 * test runs once per transport (the batched one fails to open rather than falling back, so
 * both really run).
 */
class MediaServerTest {

    static MediaServer start() {
        return start(TransportKind.AUTO);
    }

    static MediaServer start(TransportKind transport) {
        return MediaServer.start(new MediaSettings(0, InetAddress.getLoopbackAddress(),
                List.of(InetAddress.getLoopbackAddress()), transport));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"NIO", "BATCHED"})
    void aPublishersPacketsReachEveryPlayerAndClosingTheRoomLeavesNothingBehind(TransportKind transport) throws Exception {
        MediaServer media = start(transport);
        int port = media.port();
        try (var publisher = SyntheticPeer.join(media, "acc/r1", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/r1", "bob", Peer.Intent.PLAY, 1);
             var carol = SyntheticPeer.join(media, "acc/r1", "carol", Peer.Intent.PLAY, 1)) {
            awaitConnected(media, "acc/r1", 3);
            for (int i = 0; i < 50; i++) {
                publisher.sendAudio(120, 960L * i);
                publisher.sendVideo(1100, 3000L * i, i == 0);
                Thread.sleep(2);
            }
            waitUntil(() -> bob.rtpReceived() >= 100 && carol.rtpReceived() >= 100, 5000);
            assertEquals(100, bob.rtpReceived(), "every audio and video packet, once");

            List<Subscription> legs = media.withRoom("acc/r1", room -> room.peers().stream()
                    .flatMap(p -> p.legs().stream()).toList()).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(4, legs.size());
            assertTrue(legs.stream().allMatch(l -> l.retainedHistoryBytes() > 0));

            media.withRoom("acc/r1", room -> {
                room.close();
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("rooms", 0, "peers", 0, "endpoints", 0, "addresses", 0, "rtpLegs", 0, "rtpAddresses", 0,
                            "codecExecutors", 0,
                            "recordings", 0, "recordingTaps", 0, "recordingWriters", 0),
                    media.census().get(5, TimeUnit.SECONDS));
            assertTrue(legs.stream().allMatch(Subscription::isClosed));
            assertTrue(legs.stream().allMatch(l -> l.retainedHistoryBytes() == 0), "leg buffers freed");
            waitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("dtls-")), 5000);
        } finally {
            media.close();
        }
        assertTrue(media.loop().isStopped(), "the media loop thread ended");
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("parley-media")));
        try (var again = DatagramChannel.open()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)); // the port is free again
        }
    }

    @Test
    void theLoudestPublisherIsTheActiveSpeakerAndLegsGetSenderReports() throws Exception {
        try (MediaServer media = start();
             var quiet = SyntheticPeer.join(media, "acc/talk", "quiet", Peer.Intent.PUBLISH, 0);
             var loud = SyntheticPeer.join(media, "acc/talk", "loud", Peer.Intent.PUBLISH, 0);
             var listener = SyntheticPeer.join(media, "acc/talk", "listener", Peer.Intent.PLAY, 2)) {
            awaitConnected(media, "acc/talk", 3);
            var events = new java.util.concurrent.CopyOnWriteArrayList<String>();
            media.withRoom("acc/talk", room -> {
                room.addListener(new RoomListener() {
                    @Override
                    public void onActiveSpeaker(Room r, java.util.Optional<String> participant) {
                        events.add(participant.orElse("-"));
                    }
                });
                return null;
            }).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 150; i++) { // 1.5 s of 10 ms packets
                quiet.sendAudio(120, 480L * i, 90);
                loud.sendAudio(120, 480L * i, 20);
                Thread.sleep(10);
            }
            assertEquals(java.util.Optional.of("loud"),
                    media.withRoom("acc/talk", Room::activeSpeaker).get(5, TimeUnit.SECONDS).orElseThrow());
            assertTrue(events.contains("loud"), events.toString());
            assertFalse(events.contains("quiet"), "90 dBov below full scale is background, not speech: " + events);
            assertTrue(listener.rtcpReceived() > 0, "sender reports for the listener's legs");
            assertTrue(quiet.rtcpReceived() > 0, "receiver reports for what a publisher sends");
        }
    }

    @Test
    void parleyOffersTracksToAPeerAndRenegotiatesWhenItsSubscriptionsChange() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/sub", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/sub", "bob", Peer.Intent.PUBLISH, 0)) {
            awaitConnected(media, "acc/sub", 2);
            var tracks = media.withRoom("acc/sub", room -> room.tracks().stream()
                    .collect(java.util.stream.Collectors.groupingBy(t -> room.ownerOf(t).orElseThrow(),
                            java.util.stream.Collectors.mapping(t -> t.id(), java.util.stream.Collectors.toList()))))
                    .get(5, TimeUnit.SECONDS).orElseThrow();
            try (var carol = SyntheticPeer.receive(media, "acc/sub", "carol", tracks.get("alice"))) {
                awaitConnected(media, "acc/sub", 3);
                send(alice, 20);
                send(bob, 20);
                waitUntil(() -> carol.rtpReceived() >= 20, 5000);
                Thread.sleep(100);
                assertEquals(20, carol.rtpReceived(), "alice's audio and video only");

                // Subscribe to bob as well: a new offer on the same connection, answered.
                var both = new java.util.ArrayList<>(tracks.get("alice"));
                both.addAll(tracks.get("bob"));
                var update = media.updateTracks(carol.peerId(), both).get(5, TimeUnit.SECONDS);
                assertTrue(update.sdp().contains("a=mid:3"), "two more sections: " + update.sdp());
                carol.answerOffer(media, update);
                send(alice, 20);
                send(bob, 20);
                waitUntil(() -> carol.rtpReceived() >= 20 + 40, 5000);

                // Unsubscribe from alice: her sections go inactive, bob's keep flowing.
                var onlyBob = media.updateTracks(carol.peerId(), tracks.get("bob")).get(5, TimeUnit.SECONDS);
                assertEquals(2, onlyBob.sdp().split("a=inactive").length - 1, onlyBob.sdp());
                carol.answerOffer(media, onlyBob);
                long before = carol.rtpReceived();
                send(alice, 20);
                send(bob, 20);
                waitUntil(() -> carol.rtpReceived() >= before + 20, 5000);
                Thread.sleep(100);
                assertEquals(before + 20, carol.rtpReceived(), "nothing of alice any more");
            }
        }
    }

    private static void send(SyntheticPeer peer, int count) throws InterruptedException {
        for (int i = 0; i < count / 2; i++) {
            peer.sendAudio(120, 960L * i);
            peer.sendVideo(1100, 3000L * i, true);
            Thread.sleep(2);
        }
    }

    @Test
    void unusableOffersAreRefusedWithAReason() {
        try (MediaServer media = start()) {
            var garbage = assertThrows(ExecutionException.class,
                    () -> media.acceptOffer("acc/r", "x", "not sdp", Peer.Intent.PUBLISH).get(5, TimeUnit.SECONDS));
            assertTrue(garbage.getCause() instanceof NegotiationException, garbage.toString());
            String noIce = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                    + "c=IN IP4 0.0.0.0\r\na=mid:0\r\na=rtcp-mux\r\na=sendonly\r\na=rtpmap:111 opus/48000/2\r\n";
            var missing = assertThrows(ExecutionException.class,
                    () -> media.acceptOffer("acc/r", "x", noIce, Peer.Intent.PUBLISH).get(5, TimeUnit.SECONDS));
            assertTrue(missing.getCause().getMessage().contains("ice-ufrag"), missing.getCause().getMessage());
        }
    }

    /**
     * The client side of DTLS finishes a moment before the server installs its SRTP keys;
     * packets sent in between are dropped, as a browser's would be. Wait for the server side.
     */
    static void awaitConnected(MediaServer media, String room, int peers) throws Exception {
        waitUntil(() -> media.withRoom(room, r -> r.peers().stream()
                        .filter(p -> p.rtpLeg().isEmpty())
                        .filter(p -> p.endpoint().state() == dev.parley.media.endpoint.Endpoint.State.CONNECTED).count())
                .join().orElse(0L) == peers, 5000);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(20);
        }
    }
}
