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
}
