package dev.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.rtcp.RtcpPacket;
import dev.parley.protocol.rtcp.PictureLossIndication;
import dev.parley.protocol.rtp.HeaderExtensions;
import dev.parley.protocol.rtp.RtpHeaders;
import dev.parley.protocol.rtp.SdesMid;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTest {

    private static final long MS = 1_000_000L;
    private final CapturingOutput publisher = new CapturingOutput();

    private PublishedTrack video() {
        return new PublishedTrack(new PublishedTrack.Source("v1", "s1", MediaKind.VIDEO, "VP8", 90_000, 96, 1111, -1, -1, 0, ""),
                "pub", publisher, 42);
    }

    private PublishedTrack audio(int levelExt) {
        return new PublishedTrack(new PublishedTrack.Source("a1", "s1", MediaKind.AUDIO, "opus", 48_000, 111, 2222, -1, -1,
                levelExt, ""), "pub", publisher, 42);
    }

    /** A VP8 packet: payload descriptor with S=1, PID=0 and a payload header whose P bit says key or not. */
    static byte[] vp8(int sequence, long timestamp, boolean keyframe) {
        byte[] p = new byte[12 + 3 + 20];
        p[0] = (byte) 0x80;
        p[1] = 96;
        RtpHeaders.setSequenceNumber(p, 0, sequence);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, 1111);
        p[12] = 0x10; // S=1, PID=0
        p[13] = (byte) (keyframe ? 0x00 : 0x01);
        Arrays.fill(p, 14, p.length, (byte) 0x55);
        return p;
    }

    static byte[] opusWithLevel(int sequence, long timestamp, int levelId, int level) {
        byte[] p = new byte[12 + 8 + 10];
        p[0] = (byte) 0x90;
        p[1] = 111;
        RtpHeaders.setSequenceNumber(p, 0, sequence);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, 2222);
        p[12] = (byte) 0xBE;
        p[13] = (byte) 0xDE;
        p[15] = 1;
        p[16] = (byte) (levelId << 4);
        p[17] = (byte) (0x80 | level);
        Arrays.fill(p, 20, p.length, (byte) 0x33);
        return p;
    }

    private static void feed(PublishedTrack track, byte[] packet, long now) {
        track.onRtp(packet, 0, packet.length, RtpHeaders.headerLength(packet, 0, packet.length), now);
    }

    @Test
    void eachLegHasItsOwnSsrcAndContinuousSequenceNumbers() {
        var track = video();
        var first = new CapturingOutput();
        var second = new CapturingOutput();
        track.subscribe(first, new LegFormat(100, "0", 0, 0), 5001, 0);
        track.subscribe(second, new LegFormat(120, "1", 0, 0), 5002, 0);
        feed(track, vp8(10, 9000, true), 1 * MS);
        feed(track, vp8(11, 9000, false), 2 * MS);
        feed(track, vp8(13, 12000, false), 35 * MS); // 12 lost upstream: no gap is invented on the legs

        assertEquals(3, first.rtp.size());
        for (byte[] p : first.rtp) {
            assertEquals(5001, RtpHeaders.ssrc(p, 0));
            assertEquals(100, RtpHeaders.payloadType(p, 0));
        }
        assertEquals(5002, RtpHeaders.ssrc(second.rtp.getFirst(), 0));
        assertEquals(120, RtpHeaders.payloadType(second.rtp.getFirst(), 0));
        int s0 = RtpHeaders.sequenceNumber(first.rtp.get(0), 0);
        assertEquals((s0 + 1) & 0xffff, RtpHeaders.sequenceNumber(first.rtp.get(1), 0));
        assertEquals((s0 + 2) & 0xffff, RtpHeaders.sequenceNumber(first.rtp.get(2), 0));
        long t0 = RtpHeaders.timestamp(first.rtp.get(0), 0);
        assertEquals(t0, RtpHeaders.timestamp(first.rtp.get(1), 0));
        assertEquals((t0 + 3000) & 0xffffffffL, RtpHeaders.timestamp(first.rtp.get(2), 0));
        // the payload is untouched
        byte[] in = vp8(13, 12000, false);
        byte[] out = first.rtp.get(2);
        assertArrayEquals(Arrays.copyOfRange(in, 12, in.length), Arrays.copyOfRange(out, 12, out.length));
    }

    @Test
    void aNewVideoLegWaitsForAKeyframeAndAsksForOneThrottled() {
        var track = video();
        var leg = new CapturingOutput();
        track.subscribe(leg, new LegFormat(96, "0", 0, 0), 7, 0);
        assertEquals(1, publisher.rtcp.size(), "a PLI on subscribe");
        feed(track, vp8(1, 0, false), 10 * MS);
        feed(track, vp8(2, 0, false), 20 * MS);
        assertEquals(0, leg.rtp.size(), "delta frames are held back");
        assertEquals(1, publisher.rtcp.size(), "no second PLI within the throttle interval");
        feed(track, vp8(3, 3000, false), 400 * MS);
        assertEquals(2, publisher.rtcp.size(), "asked again after the interval");
        var pli = (PictureLossIndication) RtcpPacket.parseCompound(publisher.rtcp.get(1), 0, publisher.rtcp.get(1).length)
                .orElseThrow().getFirst();
        assertEquals(1111, pli.mediaSsrc());
        assertEquals(42, pli.senderSsrc());
        feed(track, vp8(4, 6000, true), 450 * MS);
        feed(track, vp8(5, 9000, false), 480 * MS);
        assertEquals(2, leg.rtp.size(), "forwarding starts at the keyframe");
    }

    @Test
    void pauseAndResumeKeepTheLegContinuous() {
        var track = video();
        var leg = new CapturingOutput();
        Subscription subscription = track.subscribe(leg, new LegFormat(96, "0", 0, 0), 7, 0);
        feed(track, vp8(1, 90_000, true), 0);
        subscription.pause();
        feed(track, vp8(2, 93_000, false), 33 * MS);
        assertEquals(1, leg.rtp.size());
        subscription.resume(1000 * MS);
        feed(track, vp8(3, 96_000, false), 1000 * MS);
        assertEquals(1, leg.rtp.size(), "after resuming, wait for a keyframe");
        feed(track, vp8(40, 5_000_000, true), 1010 * MS);
        assertEquals(2, leg.rtp.size());
        int s0 = RtpHeaders.sequenceNumber(leg.rtp.get(0), 0);
        assertEquals((s0 + 1) & 0xffff, RtpHeaders.sequenceNumber(leg.rtp.get(1), 0), "no sequence gap on the leg");
        long elapsed = RtpHeaders.timestamp(leg.rtp.get(1), 0) - RtpHeaders.timestamp(leg.rtp.get(0), 0);
        assertEquals(90_900, elapsed, 90, "the leg's clock continued with wall time across the pause (1.01 s)");
    }

    @Test
    void nacksAreAnsweredFromTheLegsHistory() {
        var track = video();
        var leg = new CapturingOutput();
        Subscription subscription = track.subscribe(leg, new LegFormat(96, "0", 0, 0), 7, 0);
        for (int i = 0; i < 5; i++) {
            feed(track, vp8(100 + i, 3000L * i, i == 0), i * 10 * MS);
        }
        int lost = RtpHeaders.sequenceNumber(leg.rtp.get(2), 0);
        subscription.onNack(List.of(lost, (lost + 500) & 0xffff), 60 * MS);
        assertEquals(6, leg.rtp.size(), "one retransmission; the unknown sequence is ignored");
        assertArrayEquals(leg.rtp.get(2), leg.rtp.get(5));
        subscription.onNack(List.of(lost), 5000 * MS);
        assertEquals(6, leg.rtp.size(), "too old to retransmit");
    }

    @Test
    void audioLegsCarryTheirMidAndTheAudioLevel() {
        var track = audio(1);
        var leg = new CapturingOutput();
        track.subscribe(leg, new LegFormat(109, "3", 9, 5), 77, 0);
        feed(track, opusWithLevel(7, 960, 1, 30), 0);
        byte[] out = leg.rtp.getFirst();
        int mid = HeaderExtensions.findExtension(out, 0, out.length, 9);
        assertTrue(mid >= 0);
        assertEquals("3", SdesMid.read(out, mid, 1));
        int level = HeaderExtensions.findExtension(out, 0, out.length, 5);
        assertEquals(0x80 | 30, out[level] & 0xff);
        assertEquals(30, track.recentAudioLevel(1));
        assertEquals(109, RtpHeaders.payloadType(out, 0));
        assertEquals(10, RtpHeaders.payloadLength(out, 0, out.length));
    }

    @Test
    void closingTheTrackClosesItsLegs() {
        var track = video();
        Subscription subscription = track.subscribe(new CapturingOutput(), new LegFormat(96, "0", 0, 0), 7, 0);
        track.close();
        assertTrue(subscription.isClosed());
        assertEquals(0, track.subscriptions().size());
        assertFalse(publisher.rtcp.isEmpty());
        List<RtcpPacket> parsed = RtcpPacket.parseCompound(publisher.rtcp.getFirst(), 0, publisher.rtcp.getFirst().length).orElseThrow();
        assertEquals(1, parsed.size());
    }
}
