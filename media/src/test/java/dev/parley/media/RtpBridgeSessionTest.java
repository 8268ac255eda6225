package dev.parley.media;

import static dev.parley.media.MediaServerTest.start;
import static dev.parley.media.MediaServerTest.waitUntil;
import static dev.parley.media.RtpBridgeTest.PHONE;
import static dev.parley.media.RtpBridgeTest.leg;
import static dev.parley.media.RtpBridgeTest.publishedTrack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.testing.FakePhone;
import dev.parley.protocol.rtcp.ReceiverReport;
import dev.parley.protocol.rtcp.ReportBlock;
import dev.parley.protocol.rtcp.SenderReport;
import dev.parley.protocol.sdp.SdpParseResult;
import dev.parley.protocol.sdp.SessionDescription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The RTP bridge's session side: SDP both ways, hold, latching, garbage, RTCP, and closing without leaks. */
class RtpBridgeSessionTest {

    @Test
    void parleysOfferIsWhatCarriersExpectAndAnAnswerMayComeTwice() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone(); var other = new FakePhone()) {
            var offer = media.offerRtp("acc/out", "+15550001111", PHONE).get(5, TimeUnit.SECONDS);
            assertEquals(java.util.Optional.empty(), offer.codec(), "not known before the answer");
            List<String> lines = offer.sdp().lines().toList();
            assertEquals("v=0", lines.get(0));
            assertTrue(lines.get(1).startsWith("o=parley "));
            assertEquals("c=IN IP4 127.0.0.1", lines.get(3));
            assertEquals("t=0 0", lines.get(4));
            assertEquals("m=audio " + media.port() + " RTP/AVP 0 8 101", lines.get(5));
            assertTrue(lines.containsAll(List.of("a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
                    "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20", "a=rtcp:" + media.port(),
                    "a=rtcp-mux", "a=sendrecv")), offer.sdp());
            assertInstanceOf(SdpParseResult.Ok.class, SessionDescription.parse(offer.sdp()));

            // 183 with early media from one address, then the 200 from another with PCMA.
            var early = media.acceptRtpAnswer(offer.peerId(), phone.sdp("0 101", "sendrecv", ""))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(java.util.Optional.of("PCMU"), early.codec());
            String firstTrack = publishedTrack(media, offer.peerId()).id();
            phone.sendTo(offer.sdp());
            phone.sendTone(500, 4000, 5, false, 0);
            waitUntil(() -> phone.received(0).size() >= 3, 3000);
            var answered = media.acceptRtpAnswer(offer.peerId(), other.sdp("8 101", "sendrecv", ""))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(java.util.Optional.of("PCMA"), answered.codec());
            assertFalse(firstTrack.equals(publishedTrack(media, offer.peerId()).id()), "a new codec is a new track");
            assertEquals(1, media.withRoom("acc/out", r -> r.tracks().size()).get(5, TimeUnit.SECONDS).orElseThrow());
            other.sendTo(offer.sdp());
            waitUntil(() -> other.received(8).size() >= 3, 3000);
        }
    }

    @Test
    void anOfferWithNoCommonCodecIsRefusedAndLeavesNothing() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var failure = assertThrows(ExecutionException.class, () -> media.answerRtp("acc/none", "p",
                    phone.sdp("18 101", "sendrecv", "a=rtpmap:18 G729/8000\r\n"), PHONE).get(5, TimeUnit.SECONDS));
            assertInstanceOf(NegotiationException.class, failure.getCause());
            assertTrue(failure.getCause().getMessage().contains("no common codec"), failure.getCause().getMessage());
            var srtp = assertThrows(ExecutionException.class, () -> media.answerRtp("acc/none", "p",
                    phone.sdp("0", "sendrecv", "").replace("RTP/AVP", "RTP/SAVP"), PHONE).get(5, TimeUnit.SECONDS));
            assertInstanceOf(NegotiationException.class, srtp.getCause());
            assertEquals(0, media.census().get(5, TimeUnit.SECONDS).get("peers"));
            assertEquals(0, media.census().get(5, TimeUnit.SECONDS).get("rtpLegs"));
        }
    }

    @Test
    void holdFollowsTheDirectionsOfBothSides() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var leg = media.answerRtp("acc/hold", "p", phone.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            waitUntil(() -> phone.received(0).size() >= 3, 3000);

            // The phone holds Parley (sendonly, music on hold): Parley answers recvonly and sends nothing.
            String answer = media.updateRtp(leg.peerId(), phone.sdp("0 101", "sendonly", "")).get(5, TimeUnit.SECONDS);
            assertTrue(answer.contains("a=recvonly"), answer);
            Thread.sleep(100);
            phone.clear();
            phone.sendTone(300, 4000, 10, false, 10);
            assertEquals(0, phone.received(0).size(), "nothing goes to a phone that holds");
            assertEquals(0, leg(media, leg.peerId()).counters().droppedNotReceiving(), "its music is still published");

            // The old way to hold: c=0.0.0.0.
            answer = media.updateRtp(leg.peerId(), phone.sdp("0 101", "sendrecv", "").replace("c=IN IP4 127.0.0.1",
                    "c=IN IP4 0.0.0.0")).get(5, TimeUnit.SECONDS);
            assertTrue(answer.contains("a=recvonly"), answer);
            assertFalse(leg(media, leg.peerId()).sending());

            // Resumed; then Parley holds the phone: sendonly, whose voice is then not published.
            media.updateRtp(leg.peerId(), phone.sdp("0 101", "sendrecv", "")).get(5, TimeUnit.SECONDS);
            waitUntil(() -> phone.received(0).size() >= 3, 3000);
            var hold = media.reofferRtp(leg.peerId(), true).get(5, TimeUnit.SECONDS);
            assertTrue(hold.sdp().contains("a=sendonly") && hold.sdp().contains("m=audio " + media.port() + " RTP/AVP 0 101"),
                    "only the settled codec is re-offered: " + hold.sdp());
            media.acceptRtpAnswer(leg.peerId(), phone.sdp("0 101", "recvonly", "")).get(5, TimeUnit.SECONDS);
            long before = leg(media, leg.peerId()).counters().droppedNotReceiving();
            phone.sendTone(300, 4000, 10, false, 0);
            waitUntil(() -> legNow(media, leg.peerId()).counters().droppedNotReceiving() >= before + 10, 3000);
            assertTrue(leg(media, leg.peerId()).sending(), "Parley may still play music to the held phone");

            // Inactive: nothing either way.
            answer = media.updateRtp(leg.peerId(), phone.sdp("0 101", "inactive", "")).get(5, TimeUnit.SECONDS);
            assertTrue(answer.contains("a=inactive"), answer);
            assertFalse(leg(media, leg.peerId()).sending() || leg(media, leg.peerId()).receiving());
        }
    }

    @Test
    void aPhoneBehindNatIsLatchedFromItsFirstPacket() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            int claimed = phone.port() == 40_000 ? 40_002 : 40_000; // what its SDP says, not where it sends from
            var leg = media.answerRtp("acc/nat", "p", FakePhone.sdpFor(claimed, "0 101", "sendrecv", ""), PHONE)
                    .get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            Thread.sleep(100);
            assertEquals(0, phone.received().size(), "Parley sends to the SDP's port until it hears the phone");
            phone.sendTone(400, 4000, 3, false, 0);
            waitUntil(() -> phone.received(0).size() >= 3, 3000);
            var bridge = leg(media, leg.peerId());
            assertEquals(1, bridge.counters().latched());
            assertEquals(phone.port(), bridge.remoteRtp().orElseThrow().getPort());
            assertEquals(3, bridge.counters().rtpIn());
        }
    }

    @Test
    void garbageIsCountedAndDroppedAndTheLegGoesOn() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone(); var stranger = new FakePhone()) {
            var leg = media.answerRtp("acc/junk", "p", phone.sdp("0 101", "sendrecv", ""), PHONE).get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            stranger.sendTo(leg.sdp());
            var random = new java.util.Random(4733);
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[random.nextInt(40)];
                random.nextBytes(junk);
                if (junk.length > 0 && i % 2 == 0) {
                    junk[0] = (byte) 0x80; // looks like RTP, often truncated or with bad extensions
                }
                phone.sendRaw(junk);
                stranger.sendRaw(junk);
            }
            phone.sendRtp(77, false, new byte[160]); // a payload type never negotiated
            phone.sendTone(400, 4000, 5, false, 0);
            waitUntil(() -> legNow(media, leg.peerId()).counters().rtpIn() >= 6, 3000);
            var counters = leg(media, leg.peerId()).counters().toMap();
            assertTrue(counters.get("malformed") + counters.get("notRtp") > 50, counters.toString());
            assertTrue(counters.get("unknownPayloadType") >= 1, counters.toString());
            Map<String, Object> state = media.debugState().get(5, TimeUnit.SECONDS);
            assertTrue((Long) state.get("unroutable") > 50, "the stranger's datagrams: " + state.get("unroutable"));
            assertTrue(state.toString().contains("\"kind\"") || state.toString().contains("kind=rtp"), "legs in debug state");
        }
    }

    @Test
    void rtcpBothWaysGivesLinkStatsOfAPhone() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var leg = media.answerRtp("acc/rtcp", "p", phone.sdp("0 101", "sendrecv", "a=rtcp-mux\r\n"), PHONE)
                    .get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            phone.sendTone(400, 4000, 20, false, 2);
            waitUntil(() -> phone.rtcp().stream().flatMap(List::stream).anyMatch(p -> p instanceof SenderReport), 4000);
            SenderReport ours = phone.rtcp().stream().flatMap(List::stream).filter(p -> p instanceof SenderReport)
                    .map(p -> (SenderReport) p).findFirst().orElseThrow();
            assertEquals(1, ours.reports().size(), "Parley reports on the phone's stream");
            assertEquals(phone.ssrc(), ours.reports().getFirst().ssrc());
            long lsr = dev.parley.protocol.rtcp.NtpTime.compact(ours.ntpTimestamp());
            phone.sendRtcp(List.of(new ReceiverReport(phone.ssrc(), List.of(
                    new ReportBlock(ours.ssrc(), 64, 3, 100, 80, lsr, 0)))));
            waitUntil(() -> media.linkStats(leg.peerId()).join().orElseThrow().lossFraction() > 0, 3000);
            LinkStats stats = media.linkStats(leg.peerId()).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(0.25, stats.lossFraction(), 1e-9, "the phone lost a quarter of Parley's packets");
            assertTrue(stats.jitterMs() >= 10.0, "at least the 80 units at 8 kHz the phone reported: " + stats.jitterMs());
            assertTrue(stats.rttMs() > 0, "rtt " + stats.rttMs());
            assertTrue(stats.packetsReceived() >= 20 && stats.packetsSent() > 0);
        }
    }

    @Test
    void closingLegsAndRoomsLeavesNothingBehind() throws Exception {
        try (MediaServer media = start(); var a = new FakePhone(); var b = new FakePhone()) {
            var legA = media.answerRtp("acc/bye", "a", a.sdp("0 101", "sendrecv", "a=rtcp-mux\r\n"),
                    new MediaServer.RtpOptions(List.of("PCMU"), true)).get(5, TimeUnit.SECONDS);
            var legB = media.offerRtp("acc/bye", "b", PHONE).get(5, TimeUnit.SECONDS);
            media.acceptRtpAnswer(legB.peerId(), b.sdp("8 101", "sendrecv", "")).get(5, TimeUnit.SECONDS);
            a.sendTo(legA.sdp());
            media.hearTracks(legB.peerId(), List.of(publishedTrack(media, legA.peerId()).id())).get(5, TimeUnit.SECONDS);
            a.sendTone(400, 4000, 20, false, 5);
            waitUntil(() -> b.received(8).size() >= 10, 3000);
            assertTrue(dev.parley.media.bridge.BridgeLegs.liveCodecStates() > 0);

            assertTrue(media.closePeer(legA.peerId(), "hung up").get(5, TimeUnit.SECONDS));
            waitUntil(() -> a.rtcp().stream().flatMap(List::stream)
                    .anyMatch(p -> p instanceof dev.parley.protocol.rtcp.Bye), 2000);
            assertEquals(List.of(), leg(media, legB.peerId()).debugState().get("heard"), "the closed track is not heard");
            media.withRoom("acc/bye", r -> {
                r.close();
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("rooms", 0, "peers", 0, "endpoints", 0, "addresses", 0, "rtpLegs", 0, "rtpAddresses", 0,
                    "codecExecutors", 0,
                            "recordings", 0, "recordingTaps", 0, "recordingWriters", 0), media.census().get(5, TimeUnit.SECONDS));
            waitUntil(() -> dev.parley.media.bridge.BridgeLegs.liveCodecStates() == 0, 3000);
        }
    }

    private static dev.parley.media.bridge.BridgeLeg legNow(MediaServer media, String peerId) {
        return media.withPeer(peerId, p -> p.rtpLeg().orElseThrow()).join().orElseThrow();
    }
}
