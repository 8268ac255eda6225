package dev.parley.media;

import static dev.parley.media.MediaServerTest.awaitConnected;
import static dev.parley.media.MediaServerTest.start;
import static dev.parley.media.MediaServerTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.bridge.BridgeLeg;
import dev.parley.media.codec.G711;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.testing.FakePhone;
import dev.parley.media.testing.SyntheticPeer;
import dev.parley.media.testing.Tones;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Phones in rooms, in process: a plain UDP socket plays the phone (PCMU tones, DTMF), a
 * synthetic WebRTC peer plays the browser; the media server bridges them on its one port.
 */
class RtpBridgeTest {

    static final MediaServer.RtpOptions PHONE = MediaServer.RtpOptions.g711();

    @Test
    void aPhonesG711ReachesASubscriberAsItIsAndABrowsersOpusReachesThePhoneAsG711() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone();
             var alice = SyntheticPeer.join(media, "acc/phone", "alice", Peer.Intent.PUBLISH, 0)) {
            var leg = media.answerRtp("acc/phone", "+15551230000", phone.sdp("0 8 101", "sendrecv", ""), PHONE)
                    .get(5, TimeUnit.SECONDS);
            assertEquals(java.util.Optional.of("PCMU"), leg.codec());
            phone.sendTo(leg.sdp());
            awaitConnected(media, "acc/phone", 1);
            String phoneTrack = publishedTrack(media, leg.peerId()).id();

            // The phone speaks: a browser subscribed to its track gets PCMU, not transcoded.
            var heard = new CopyOnWriteArrayList<SyntheticPeer.Received>();
            try (var bob = SyntheticPeer.receive(media, "acc/phone", "bob", List.of(phoneTrack))) {
                assertTrue(bob.lastOffer().sdp().contains("a=rtpmap:0 PCMU/8000"), bob.lastOffer().sdp());
                bob.onRtp(heard::add);
                awaitConnected(media, "acc/phone", 2);
                short[] sent = phone.sendTone(1000, 8000, 50, false, 2);
                waitUntil(() -> heard.size() >= 45, 5000);
                assertTrue(heard.stream().allMatch(r -> r.payloadType() == 0));
                short[] got = decode(heard.stream().map(SyntheticPeer.Received::payload).toList());
                assertEquals(1000.0, Tones.dominant(got, 8000, 500, 1000, 2000));
                assertEquals(Tones.rms(sent), Tones.rms(got), Tones.rms(sent) * 0.05, "same energy: the same G.711 bytes");
            }

            // Alice's browser publishes real Opus; the phone hears her (decoded, mixed, G.711).
            String aliceAudio = trackOf(media, "acc/phone", "alice");
            media.hearTracks(leg.peerId(), List.of(aliceAudio)).get(5, TimeUnit.SECONDS);
            phone.clear();
            sendOpusTone(alice, 440, 100);
            waitUntil(() -> phone.received(0).size() >= 60, 5000);
            short[] audio = phone.decodedAudio(0);
            short[] tail = java.util.Arrays.copyOfRange(audio, audio.length / 3, audio.length);
            assertEquals(440.0, Tones.dominant(tail, 8000, 220, 330, 440, 660, 880));
            assertTrue(Tones.rms(tail) > 8000 / Math.sqrt(2) * 0.5, "energy " + Tones.rms(tail));
            assertTrue(leg(media, leg.peerId()).decodes() > 0, "transcoded: Opus was decoded");
            assertEquals(0, leg(media, leg.peerId()).counters().passthroughOut());
            assertRtpStream(phone.received(0));
        }
    }

    @Test
    void onePhoneHearingAnotherInItsCodecIsPassedThroughWithoutDecoding() throws Exception {
        try (MediaServer media = start(); var a = new FakePhone(); var b = new FakePhone()) {
            var legA = media.answerRtp("acc/pt", "a", a.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            var legB = media.answerRtp("acc/pt", "b", b.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            a.sendTo(legA.sdp());
            b.sendTo(legB.sdp());
            media.hearTracks(legB.peerId(), List.of(publishedTrack(media, legA.peerId()).id())).get(5, TimeUnit.SECONDS);
            a.sendTone(700, 6000, 40, false, 2);
            waitUntil(() -> b.received(0).size() >= 40, 5000);
            Thread.sleep(100);
            byte[] first = new byte[160];
            G711.encode(false, Tones.sine(700, 8000, 6000, 0, 160), 0, first, 0, 160);
            assertArrayEquals(first, b.received(0).getFirst().payload(), "the phone's own bytes");
            BridgeLeg hearing = leg(media, legB.peerId());
            assertEquals(0, hearing.decodes(), "passthrough decodes nothing");
            assertEquals(40, hearing.counters().passthroughOut());
            assertEquals(0, hearing.counters().mixedOut());
            assertEquals(40, b.received(0).size(), "one packet out per packet in, no mixer frames");
            assertRtpStream(b.received(0));
            assertTrue(b.received(0).getFirst().marker(), "a talkspurt starts with the marker bit");
        }
    }

    @Test
    void withOpusTowardsRoomTheRoomGetsOpusOfThePhonesVoice() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var options = new MediaServer.RtpOptions(List.of("PCMA", "PCMU"), true);
            var leg = media.answerRtp("acc/opus", "p", phone.sdp("8 101", "sendrecv", ""), options).get(5, TimeUnit.SECONDS);
            assertEquals(java.util.Optional.of("PCMA"), leg.codec());
            phone.sendTo(leg.sdp());
            PublishedTrack track = publishedTrack(media, leg.peerId());
            assertEquals("opus", track.codecName());
            assertEquals(48_000, track.clockRate());
            var heard = new CopyOnWriteArrayList<SyntheticPeer.Received>();
            try (var bob = SyntheticPeer.receive(media, "acc/opus", "bob", List.of(track.id()))) {
                bob.onRtp(heard::add);
                awaitConnected(media, "acc/opus", 1);
                phone.sendTone(600, 8000, 60, true, 5);
                waitUntil(() -> heard.size() >= 55, 5000);
                var decoder = new OpusCodec.Decoder(48_000);
                short[] pcm = new short[48_000 * 2];
                int at = 0;
                for (var r : heard) {
                    assertEquals(111, r.payloadType());
                    at += Math.max(0, decoder.decode(r.payload(), 0, r.payload().length, pcm, at));
                }
                short[] tail = java.util.Arrays.copyOfRange(pcm, at / 3, at);
                assertEquals(600.0, Tones.dominant(tail, 48_000, 300, 600, 1200));
                assertTrue(Tones.rms(tail) > 8000 / Math.sqrt(2) * 0.5, "energy " + Tones.rms(tail));
                long[] timestamps = heard.stream().mapToLong(SyntheticPeer.Received::timestamp).toArray();
                assertEquals(960, timestamps[1] - timestamps[0], "20 ms of Opus at 48 kHz per packet");
            }
            assertTrue(leg(media, leg.peerId()).counters().transcodedToRoom() >= 55);
        }
    }

    @Test
    void aPhonesKeysReachOnDtmfOnceEach() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var leg = media.answerRtp("acc/keys", "p", phone.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            var digits = new CopyOnWriteArrayList<String>();
            media.withRoom("acc/keys", room -> {
                room.addListener(new RoomListener() {
                    @Override
                    public void onDtmf(Room r, Peer peer, char digit) {
                        digits.add(peer.participant() + ":" + digit);
                    }
                });
                return null;
            }).get(5, TimeUnit.SECONDS);
            phone.sendTone(440, 3000, 5, false, 0);
            phone.sendDtmf(1);
            phone.sendTone(440, 3000, 5, false, 0);
            phone.sendDtmf(11);
            phone.sendDtmf(11);
            waitUntil(() -> digits.size() >= 3, 5000);
            Thread.sleep(200);
            assertEquals(List.of("p:1", "p:#", "p:#"), digits, "each key press once, a repeated key twice");
        }
    }

    @Test
    void sendDtmfWritesRfc4733EventsBetweenTheAudio() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var leg = media.answerRtp("acc/send", "p", phone.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            waitUntil(() -> phone.received(0).size() >= 5, 3000); // silence keeps the line alive
            media.sendDtmf(leg.peerId(), "1#").get(5, TimeUnit.SECONDS);
            Thread.sleep(100);
            List<FakePhone.Received> all = phone.received();
            List<FakePhone.Received> events = phone.received(101);
            assertEquals(2 * (5 + 3), events.size(), "per key: start, 4 updates to 100 ms, end three times");
            for (int key = 0; key < 2; key++) {
                List<FakePhone.Received> one = events.subList(key * 8, key * 8 + 8);
                int expectedEvent = key == 0 ? 1 : 11;
                assertTrue(one.getFirst().marker(), "the first packet of an event has the marker");
                assertTrue(one.stream().skip(1).noneMatch(FakePhone.Received::marker));
                assertTrue(one.stream().allMatch(r -> r.timestamp() == one.getFirst().timestamp()), "one timestamp per event");
                int previous = 0;
                for (int i = 0; i < 8; i++) {
                    var event = dev.parley.protocol.rtp.TelephoneEvent.parse(one.get(i).payload(), 0, 4).orElseThrow();
                    assertEquals(expectedEvent, event.event());
                    assertEquals(i >= 5, event.end(), "E bit on the last three");
                    assertTrue(event.duration() >= previous);
                    previous = event.duration();
                }
                assertEquals(800, previous, "100 ms at 8 kHz");
            }
            assertTrue(events.get(8).timestamp() - events.get(0).timestamp() >= 1600, "the second key starts later");
            assertRtpStream(all);
            int firstEvent = all.indexOf(events.getFirst());
            int lastOfFirst = all.indexOf(events.get(7));
            assertTrue(all.subList(firstEvent, lastOfFirst + 1).stream().allMatch(r -> r.payloadType() == 101),
                    "no audio while a key sounds");
            assertTrue(all.subList(lastOfFirst + 1, all.size()).stream().anyMatch(r -> r.payloadType() == 0 && r.marker()),
                    "audio resumes with the marker");
        }
    }

    @Test
    void aBrowserPublisherCanBeAnsweredWithPcmuAndThePhoneGetsItsBytesUnchanged() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            String offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                    + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 110\r\nc=IN IP4 0.0.0.0\r\n"
                    + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                    + "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB\r\na=setup:actpass\r\na=mid:0\r\n"
                    + "a=sendonly\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n"
                    + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:110 telephone-event/8000\r\na=ssrc:1234 cname:x\r\n";
            var answer = media.acceptOffer("acc/g711", "alice", offer, Peer.Intent.PUBLISH, List.of("PCMU", "PCMA"))
                    .get(5, TimeUnit.SECONDS);
            assertTrue(answer.sdp().contains("m=audio 9 UDP/TLS/RTP/SAVPF 0 110"), answer.sdp());
            var leg = media.answerRtp("acc/g711", "p", phone.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            media.hearTracks(leg.peerId(), List.of(trackOf(media, "acc/g711", "alice"))).get(5, TimeUnit.SECONDS);
            assertEquals("PASSTHROUGH", leg(media, leg.peerId()).debugState().get("mode"),
                    "G.711 end to end: the browser's PCMU goes to the phone as it is");
        }
    }

    /** One RTP stream: a single SSRC, consecutive sequence numbers, timestamps that never go back. */
    static void assertRtpStream(List<FakePhone.Received> packets) {
        assertTrue(packets.size() > 1);
        long ssrc = packets.getFirst().ssrc();
        for (int i = 1; i < packets.size(); i++) {
            var previous = packets.get(i - 1);
            var current = packets.get(i);
            assertEquals(ssrc, current.ssrc());
            assertEquals((previous.sequence() + 1) & 0xffff, current.sequence(), "sequence at " + i);
            assertTrue(((current.timestamp() - previous.timestamp()) & 0x80000000L) == 0, "timestamp at " + i);
        }
    }

    static void sendOpusTone(SyntheticPeer peer, double frequency, int frames) throws InterruptedException {
        var encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        byte[] packet = new byte[OpusCodec.MAX_PACKET];
        long next = System.nanoTime();
        for (int f = 0; f < frames; f++) {
            short[] pcm = Tones.sine(frequency, 48_000, 8000, (long) f * 960, 960);
            int length = encoder.encode(pcm, 0, 960, packet, 0);
            peer.sendAudioPayload(packet, length, 960L * f);
            next += 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    static short[] decode(List<byte[]> payloads) {
        var out = new ArrayList<Short>();
        for (byte[] p : payloads) {
            for (byte b : p) {
                out.add(G711.ulawToLinear(b));
            }
        }
        short[] pcm = new short[out.size()];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = out.get(i);
        }
        return pcm;
    }

    static BridgeLeg leg(MediaServer media, String peerId) throws Exception {
        return media.withPeer(peerId, p -> p.rtpLeg().orElseThrow()).get(5, TimeUnit.SECONDS).orElseThrow();
    }

    static PublishedTrack publishedTrack(MediaServer media, String peerId) throws Exception {
        return media.withPeer(peerId, p -> p.published().getFirst()).get(5, TimeUnit.SECONDS).orElseThrow();
    }

    static String trackOf(MediaServer media, String room, String owner) throws Exception {
        return media.withRoom(room, r -> r.tracks().stream()
                        .filter(t -> r.ownerOf(t).orElse("").equals(owner))
                        .filter(t -> t.kind() == dev.parley.media.sfu.MediaKind.AUDIO).findFirst().orElseThrow().id())
                .get(5, TimeUnit.SECONDS).orElseThrow();
    }
}
