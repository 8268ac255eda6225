package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.endpoint.Endpoint;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.sfu.Subscription;
import dev.parley.media.testing.SyntheticPeer;
import dev.parley.media.transport.TransportKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The media server with peers built from the protocol module, over loopback; once per
 * transport (the batched one fails to open rather than falling back, so both really run).
 */
class MediaServerTest {

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
            // A peer's DTLS handshake ends on its side a moment before the server's endpoint
            // hears of its own: until then a leg drops what it would forward.
            waitUntil(() -> media.withRoom("acc/r1", room -> room.peers().stream()
                    .allMatch(p -> p.endpoint().state() == Endpoint.State.CONNECTED)).join().orElse(false), 5000);
            for (int i = 0; i < 50; i++) {
                publisher.sendAudio(120, 960L * i);
                publisher.sendVideo(1100, 3000L * i, i == 0);
                Thread.sleep(2);
            }
            waitUntil(() -> bob.rtpReceived() >= 100 && carol.rtpReceived() >= 100, 5000);
            assertEquals(100, bob.rtpReceived(), "every audio and video packet, once");
            assertEquals(transport.label(), media.debugState().get(5, TimeUnit.SECONDS).get("transport"));

            List<Subscription> legs = media.withRoom("acc/r1", room -> room.peers().stream()
                    .flatMap(p -> p.legs().stream()).toList()).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(4, legs.size());
            assertTrue(legs.stream().allMatch(l -> l.retainedHistoryBytes() > 0));

            media.withRoom("acc/r1", room -> {
                room.close();
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("rooms", 0, "peers", 0, "endpoints", 0, "addresses", 0),
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

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"NIO", "BATCHED"})
    void unusableOffersAreRefusedWithAReason(TransportKind transport) {
        try (MediaServer media = start(transport)) {
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
