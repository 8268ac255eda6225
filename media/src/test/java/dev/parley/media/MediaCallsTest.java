package dev.parley.media;

import static dev.parley.media.MediaServerTest.awaitConnected;
import static dev.parley.media.MediaServerTest.start;
import static dev.parley.media.MediaServerTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.testing.SyntheticPeer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the call signaling needs of the media server: DTMF, ICE restart, track identity, link statistics. */
class MediaCallsTest {

    @Test
    void dtmfDigitsAreReportedOnceEachAndNeverForwarded() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/dtmf", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/dtmf", "bob", Peer.Intent.PLAY, 1)) {
            assertTrue(alice.answerSdp().contains("a=rtpmap:126 telephone-event/48000"), alice.answerSdp());
            assertTrue(alice.answerSdp().contains("a=fmtp:126 0-15"), alice.answerSdp());
            assertFalse(alice.answerSdp().contains("telephone-event/8000"), "one telephone-event, at Opus's rate");
            assertTrue(alice.answerSdp().contains("m=audio 9 UDP/TLS/RTP/SAVPF 111 126"), alice.answerSdp());
            assertFalse(bob.answerSdp().contains("telephone-event"), "legs Parley sends carry no DTMF");
            awaitConnected(media, "acc/dtmf", 2);
            var digits = new CopyOnWriteArrayList<String>();
            media.withRoom("acc/dtmf", room -> {
                room.addListener(new RoomListener() {
                    @Override
                    public void onDtmf(Room r, Peer peer, char digit) {
                        digits.add(peer.participant() + ":" + digit);
                    }
                });
                return null;
            }).get(5, TimeUnit.SECONDS);

            int audio = 0;
            for (int i = 0; i < 10; i++, audio++) {
                alice.sendAudio(120, 960L * audio);
            }
            alice.sendDtmf(1, 960L * audio);
            for (int i = 0; i < 10; i++, audio++) {
                alice.sendAudio(120, 960L * audio);
            }
            alice.sendDtmf(2, 960L * audio);
            alice.sendTelephoneEvent(1, 960L * 10, false, true, 3840); // a late repeat of the first key's end
            for (int i = 0; i < 10; i++, audio++) {
                alice.sendAudio(120, 960L * audio);
            }
            for (int i = 0; i < 3; i++) { // '#' whose start and updates were all lost: only its ends arrive
                alice.sendTelephoneEvent(11, 960L * audio, false, true, 3840);
            }
            for (int i = 0; i < 10; i++, audio++) {
                alice.sendAudio(120, 960L * audio);
            }
            int sent = audio;
            waitUntil(() -> bob.rtpReceived() >= sent && digits.size() >= 3, 5000);
            Thread.sleep(200);
            assertEquals(List.of("alice:1", "alice:2", "alice:#"), digits);
            assertEquals(sent, bob.rtpReceived(), "the audio only: no telephone-event packet reaches a subscriber");
            long lost = media.withRoom("acc/dtmf", room -> room.tracks().stream()
                    .mapToLong(t -> t.stats().packetsLost()).sum()).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(0, lost, "events count in the audio's sequence space, so they are no loss");
        }
    }

    @Test
    void afterAnIceRestartFromANewAddressMediaFlowsAgainBothWays() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/ice", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/ice", "bob", Peer.Intent.PLAY, 1)) {
            awaitConnected(media, "acc/ice", 2);
            sendAndExpect(alice, bob, 20);
            var before = alice.localAddress();
            String oldUfrag = ufrag(alice.answerSdp());
            String oldAnswer = alice.answerSdp();

            alice.restartIce(media); // the publisher's own re-offer
            assertFalse(before.equals(alice.localAddress()), "a new socket");
            assertFalse(oldUfrag.equals(ufrag(alice.answerSdp())), "Parley picked new ICE credentials");
            assertEquals(sections(oldAnswer), sections(alice.answerSdp()), "the same sections as before");
            assertEquals(alice.localAddress(), remoteOf(media, alice));
            sendAndExpect(alice, bob, 20);

            bob.restartIce(media); // a player that offered: the same path
            assertEquals(bob.localAddress(), remoteOf(media, bob));
            sendAndExpect(alice, bob, 20);
            assertEquals(java.util.Map.of("rooms", 1, "peers", 2, "endpoints", 2, "addresses", 2, "rtpLegs", 0,
                            "rtpAddresses", 0, "codecExecutors", 0,
                            "recordings", 0, "recordingTaps", 0, "recordingWriters", 0),
                    media.census().get(5, TimeUnit.SECONDS), "old ufrags and addresses are let go");
        }
    }

    @Test
    void anIceRestartParleyOffersTakesThePeersNewCredentialsFromItsAnswer() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/ice2", "alice", Peer.Intent.PUBLISH, 0)) {
            awaitConnected(media, "acc/ice2", 1);
            List<String> trackIds = media.withRoom("acc/ice2", room -> room.tracks().stream().map(t -> t.id()).toList())
                    .get(5, TimeUnit.SECONDS).orElseThrow();
            try (var carol = SyntheticPeer.receive(media, "acc/ice2", "carol", trackIds)) {
                awaitConnected(media, "acc/ice2", 2);
                sendAndExpect(alice, carol, 20);
                var first = carol.lastOffer();
                var before = carol.localAddress();

                carol.restartIce(media);
                var restart = carol.lastOffer();
                assertFalse(ufrag(first.sdp()).equals(ufrag(restart.sdp())), "new local ICE credentials");
                assertEquals(sections(first.sdp()), sections(restart.sdp()), "the same sections");
                assertEquals(first.tracks(), restart.tracks(), "the same tracks on the same mids");
                assertFalse(before.equals(carol.localAddress()));
                assertEquals(carol.localAddress(), remoteOf(media, carol));
                sendAndExpect(alice, carol, 20);
                var restartOnPublisher = org.junit.jupiter.api.Assertions.assertThrows(
                        java.util.concurrent.ExecutionException.class,
                        () -> media.restartIceOffer(alice.peerId()).get(5, TimeUnit.SECONDS));
                assertTrue(restartOnPublisher.getCause().getMessage().contains("its own offer"));
            }
        }
    }

    @Test
    void aMidKeepsItsTrackForTheLifeOfTheConnection() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/mids", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/mids", "bob", Peer.Intent.PUBLISH, 0)) {
            awaitConnected(media, "acc/mids", 2);
            var byOwner = tracksByOwner(media, "acc/mids");
            var sourceMids = media.withRoom("acc/mids", room -> room.tracks().stream().map(t -> t.source().mid()).toList())
                    .get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(List.of("0", "1", "0", "1"), sourceMids, "each published track knows its offer's mid");
            List<String> aliceTracks = byOwner.get("alice");
            List<String> bobTracks = byOwner.get("bob");
            try (var carol = SyntheticPeer.receive(media, "acc/mids", "carol", aliceTracks)) {
                assertEquals(List.of(new MediaServer.OfferedTrack("0", aliceTracks.get(0)),
                        new MediaServer.OfferedTrack("1", aliceTracks.get(1))), carol.lastOffer().tracks());

                var onlyBob = media.updateTracks(carol.peerId(), bobTracks).get(5, TimeUnit.SECONDS);
                assertEquals(List.of(new MediaServer.OfferedTrack("2", bobTracks.get(0)),
                        new MediaServer.OfferedTrack("3", bobTracks.get(1))), onlyBob.tracks(),
                        "bob's tracks do not take alice's idle sections");
                assertEquals(2, onlyBob.sdp().split("a=inactive").length - 1, onlyBob.sdp());
                assertTrue(onlyBob.sdp().contains("m=audio 9 "), "an inactive section keeps its port");
                assertFalse(onlyBob.sdp().contains("m=audio 0 ") || onlyBob.sdp().contains("m=video 0 "));
                carol.answerOffer(media, onlyBob);

                var both = new java.util.ArrayList<>(bobTracks);
                both.addAll(aliceTracks);
                var again = media.updateTracks(carol.peerId(), both).get(5, TimeUnit.SECONDS);
                assertEquals(java.util.Set.of(new MediaServer.OfferedTrack("0", aliceTracks.get(0)),
                        new MediaServer.OfferedTrack("1", aliceTracks.get(1)),
                        new MediaServer.OfferedTrack("2", bobTracks.get(0)),
                        new MediaServer.OfferedTrack("3", bobTracks.get(1))), java.util.Set.copyOf(again.tracks()),
                        "a track that comes back gets its own mid again");
                carol.answerOffer(media, again);
                awaitConnected(media, "acc/mids", 3);
                sendAndExpect(alice, carol, 20);
            }
        }
    }

    @Test
    void aBlackholedPeerGetsAndSendsNothingUntilItIsLifted() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/hole", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/hole", "bob", Peer.Intent.PLAY, 1)) {
            awaitConnected(media, "acc/hole", 2);
            sendAndExpect(alice, bob, 20);
            media.setBlackhole(bob.peerId(), true).get(5, TimeUnit.SECONDS);
            long before = bob.rtpReceived();
            long rtcpBefore = bob.rtcpReceived();
            for (int i = 0; i < 10; i++) {
                alice.sendAudio(120, 960L * i);
                alice.sendVideo(1100, 3000L * i, true);
                Thread.sleep(2);
            }
            Thread.sleep(1200); // a report interval: no RTCP either
            assertEquals(before, bob.rtpReceived(), "nothing reaches a blackholed peer");
            assertEquals(rtcpBefore, bob.rtcpReceived());
            long dropped = media.withPeer(bob.peerId(), p -> p.endpoint().counters().droppedByBlackhole())
                    .get(5, TimeUnit.SECONDS).orElseThrow();
            assertTrue(dropped >= 20, "dropped and counted: " + dropped);

            var beforeRestart = bob.localAddress();
            var failed = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> bob.restartIce(media), "STUN is dropped too");
            assertTrue(failed.getMessage().contains("no ICE answer"), failed.getMessage());
            assertFalse(beforeRestart.equals(bob.localAddress()));

            media.setBlackhole(bob.peerId(), false).get(5, TimeUnit.SECONDS);
            bob.restartIce(media);
            sendAndExpect(alice, bob, 20);
        }
    }

    private static java.util.Map<String, List<String>> tracksByOwner(MediaServer media, String room) throws Exception {
        return media.withRoom(room, r -> r.tracks().stream()
                        .collect(java.util.stream.Collectors.groupingBy(t -> r.ownerOf(t).orElseThrow(),
                                java.util.stream.Collectors.mapping(t -> t.id(), java.util.stream.Collectors.toList()))))
                .get(5, TimeUnit.SECONDS).orElseThrow();
    }

    @Test
    void linkStatsTakeTheWorseOfThePeersReportsAndParleysMeasurement() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/link", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/link", "bob", Peer.Intent.PLAY, 1)) {
            awaitConnected(media, "acc/link", 2);
            assertEquals(java.util.Optional.empty(), media.linkStats("nobody").get(5, TimeUnit.SECONDS));
            sendAndExpect(alice, bob, 20);
            long audioLeg = media.withPeer(bob.peerId(), p -> p.allLegs().stream()
                    .filter(l -> l.source().kind() == dev.parley.media.sfu.MediaKind.AUDIO).findFirst().orElseThrow().ssrc())
                    .get(5, TimeUnit.SECONDS).orElseThrow();
            waitUntil(() -> bob.hasSenderReportFor(audioLeg), 3000);

            bob.sendReceiverReport(audioLeg, 64, 480, 50); // 25 % lost, 10 ms of jitter, 50 ms more round trip
            waitUntil(() -> media.linkStats(bob.peerId()).join().orElseThrow().lossFraction() > 0, 3000);
            LinkStats bobs = media.linkStats(bob.peerId()).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(0.25, bobs.lossFraction(), 1e-9);
            assertEquals(10.0, bobs.jitterMs(), 1e-9);
            assertTrue(bobs.rttMs() >= 45 && bobs.rttMs() < 500, "rtt " + bobs.rttMs());
            assertEquals(20, bobs.packetsSent());
            assertEquals(1, NetworkQuality.of(bobs).level(), "a quarter lost is bad");

            // Alice publishes with a gap of 5 in 20: Parley measures the loss itself.
            media.linkStats(alice.peerId()).get(5, TimeUnit.SECONDS); // starts the interval
            for (int i = 0; i < 20; i++) {
                if (i % 4 == 1) {
                    alice.skipAudioSequence();
                } else {
                    alice.sendAudio(120, 960L * i);
                }
                Thread.sleep(2);
            }
            waitUntil(() -> bob.rtpReceived() >= 20 + 15, 3000);
            LinkStats alices = media.linkStats(alice.peerId()).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(0.25, alices.lossFraction(), 1e-9, "5 of the 20 sequence numbers since the previous call");
            assertEquals(0, media.linkStats(alice.peerId()).get(5, TimeUnit.SECONDS).orElseThrow().lossFraction(),
                    "a new interval");
        }
    }

    static void sendAndExpect(SyntheticPeer from, SyntheticPeer to, int packets) throws Exception {
        long before = to.rtpReceived();
        for (int i = 0; i < packets / 2; i++) {
            from.sendAudio(120, 960L * i);
            from.sendVideo(1100, 3000L * i, true);
            Thread.sleep(2);
        }
        waitUntil(() -> to.rtpReceived() >= before + packets, 5000);
    }

    private static java.net.InetSocketAddress remoteOf(MediaServer media, SyntheticPeer peer) throws Exception {
        return media.withPeer(peer.peerId(), p -> p.endpoint().remoteAddress().orElseThrow())
                .get(5, TimeUnit.SECONDS).orElseThrow();
    }

    private static String ufrag(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst().orElseThrow();
    }

    /** The m= lines, mids and directions: what an ICE restart must not change. */
    private static List<String> sections(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("m=") || l.startsWith("a=mid:") || l.equals("a=sendonly")
                || l.equals("a=recvonly") || l.equals("a=inactive") || l.startsWith("a=rtpmap:")).toList();
    }
}
