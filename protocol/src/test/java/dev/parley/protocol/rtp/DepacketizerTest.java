package dev.parley.protocol.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * VP8 (RFC 7741) and H.264 (RFC 6184) depacketizers with the packet shapes browsers send:
 * VP8 descriptors with a 15-bit picture ID, frames over several partitions and packets; H.264
 * SPS and PPS in a STAP-A before an IDR split in FU-As. Lost fragments drop their frame.
 */
class DepacketizerTest {

    private static final HexFormat HEX = HexFormat.of();
    private final List<VideoFrame> frames = new ArrayList<>();

    // ---- VP8 -------------------------------------------------------------------------------

    /** Chrome's descriptor: X, S on the first packet, I with a 15-bit picture ID (M set). */
    private static byte[] vp8(boolean start, int partition, int pictureId, String payloadHex) {
        byte[] payload = HEX.parseHex(payloadHex);
        byte[] p = new byte[4 + payload.length];
        p[0] = (byte) (0x80 | (start ? 0x10 : 0) | partition);
        p[1] = (byte) 0x80;
        p[2] = (byte) (0x80 | (pictureId >> 8));
        p[3] = (byte) pictureId;
        System.arraycopy(payload, 0, p, 4, payload.length);
        return p;
    }

    private void push(VideoDepacketizer d, int seq, long ts, boolean marker, byte[] p) {
        d.push(seq, ts, marker, p, 0, p.length, frames::add);
    }

    @Test
    void aVp8FrameIsItsPacketsPayloadsInOrderAcrossPartitions() {
        var d = new Vp8Depacketizer();
        push(d, 65534, 3000, false, vp8(true, 0, 300, "b0ba009d012a"));
        push(d, 65535, 3000, false, vp8(false, 0, 300, "8002e001"));
        push(d, 0, 3000, false, vp8(true, 1, 300, "aaaa"));   // second partition starts: S=1, PID=1
        push(d, 1, 3000, true, vp8(false, 1, 300, "bbbb"));
        assertEquals(1, frames.size());
        VideoFrame f = frames.getFirst();
        assertTrue(f.keyframe());
        assertEquals(3000, f.timestamp());
        assertFalse(f.afterLoss());
        assertArrayEquals(HEX.parseHex("b0ba009d012a8002e001aaaabbbb"), f.data());

        push(d, 2, 6000, true, vp8(true, 0, 301, "3102"));
        assertFalse(frames.get(1).keyframe(), "P bit set: an interframe");
        assertEquals(2, d.framesOut());
    }

    @Test
    void aLostVp8PacketDropsItsFrameAndTheNextFrameSaysSo() {
        var d = new Vp8Depacketizer();
        push(d, 10, 3000, false, vp8(true, 0, 1, "b0ba00"));
        push(d, 12, 3000, true, vp8(false, 0, 1, "cc"));          // 11 was lost
        push(d, 13, 6000, true, vp8(true, 0, 2, "3102"));
        assertEquals(1, frames.size());
        assertEquals(6000, frames.getFirst().timestamp());
        assertTrue(frames.getFirst().afterLoss());
        assertEquals(1, d.framesDropped());

        push(d, 15, 9000, true, vp8(false, 0, 3, "dd"));           // the start packet (14) was lost
        push(d, 16, 12000, true, vp8(true, 0, 4, "3102"));
        assertEquals(2, frames.size());
        assertTrue(frames.get(1).afterLoss());
    }

    @Test
    void aVp8FrameWithoutMarkerEndsWhenTheTimestampChanges() {
        var d = new Vp8Depacketizer();
        push(d, 1, 3000, false, vp8(true, 0, 1, "b0ba00"));
        push(d, 2, 6000, true, vp8(true, 0, 2, "3102"));
        assertEquals(List.of(3000L, 6000L), frames.stream().map(VideoFrame::timestamp).toList());
    }

    @Test
    void malformedVp8DescriptorsAreCountedNotThrown() {
        var d = new Vp8Depacketizer();
        push(d, 1, 3000, true, new byte[] {(byte) 0x90, (byte) 0x80});  // I set, picture ID missing
        push(d, 2, 3000, true, new byte[] {0x10});                      // nothing after the descriptor
        push(d, 3, 3000, true, new byte[0]);
        assertEquals(3, d.malformed());
        assertTrue(frames.isEmpty());
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            byte[] junk = new byte[random.nextInt(20)];
            random.nextBytes(junk);
            push(d, random.nextInt(65536), random.nextInt(4), random.nextBoolean(), junk);
        }
    }

    // ---- H.264 -----------------------------------------------------------------------------

    private static final String SPS = "6742c00dd90141fb0110000003001000000303c0f142a480";
    private static final String PPS = "68cb83cb20";

    private static byte[] stapA(String... nals) {
        var out = new java.io.ByteArrayOutputStream();
        out.write(0x78); // F=0, NRI=3, type 24
        for (String hex : nals) {
            byte[] nal = HEX.parseHex(hex);
            out.write(nal.length >> 8);
            out.write(nal.length);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    private static byte[] fuA(boolean start, boolean end, int type, String hex) {
        byte[] data = HEX.parseHex(hex);
        byte[] p = new byte[2 + data.length];
        p[0] = (byte) (0x60 | 28);
        p[1] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type);
        System.arraycopy(data, 0, p, 2, data.length);
        return p;
    }

    private static String lengthPrefixed(String... nals) {
        var sb = new StringBuilder();
        for (String nal : nals) {
            sb.append(String.format("%08x", nal.length() / 2)).append(nal);
        }
        return sb.toString();
    }

    @Test
    void anIdrAfterAStapAOfSpsAndPpsBecomesOneLengthPrefixedKeyframe() {
        var d = new H264Depacketizer();
        push(d, 100, 90000, false, stapA(SPS, PPS));
        push(d, 101, 90000, false, fuA(true, false, 5, "888421"));
        push(d, 102, 90000, false, fuA(false, false, 5, "aabb"));
        push(d, 103, 90000, true, fuA(false, true, 5, "ccdd"));
        assertEquals(1, frames.size());
        VideoFrame f = frames.getFirst();
        assertTrue(f.keyframe());
        assertArrayEquals(HEX.parseHex(lengthPrefixed(SPS, PPS, "65888421aabbccdd")), f.data(),
                "the NAL header rebuilt from F|NRI of the indicator (0x60) and the type (5)");
        assertArrayEquals(HEX.parseHex(SPS), d.sps().orElseThrow());
        assertArrayEquals(HEX.parseHex(PPS), d.pps().orElseThrow());

        push(d, 104, 93000, true, HEX.parseHex("419a2244"));
        assertFalse(frames.get(1).keyframe());
        assertArrayEquals(HEX.parseHex(lengthPrefixed("419a2244")), frames.get(1).data());
    }

    @Test
    void aLostFragmentDropsTheAccessUnit() {
        var d = new H264Depacketizer();
        push(d, 1, 3000, false, fuA(true, false, 5, "8884"));
        push(d, 3, 3000, true, fuA(false, true, 5, "ccdd"));       // 2 was lost
        push(d, 4, 6000, true, HEX.parseHex("419a"));
        assertEquals(1, frames.size());
        assertTrue(frames.getFirst().afterLoss());
        assertEquals(1, d.framesDropped());

        push(d, 6, 9000, true, fuA(false, true, 1, "ccdd"));        // an end whose start (5) never came
        push(d, 7, 12000, true, HEX.parseHex("419b"));
        assertEquals(2, frames.size());
        assertEquals(12000, frames.get(1).timestamp());
        assertTrue(frames.get(1).afterLoss());
        assertEquals(2, d.framesDropped());
    }

    @Test
    void badAggregatesAndInterleavedModePacketsAreCounted() {
        var d = new H264Depacketizer();
        push(d, 1, 3000, true, HEX.parseHex("7800ff6742"));          // STAP-A size past the end
        push(d, 2, 6000, true, HEX.parseHex("79000267420000"));     // STAP-B (25)
        push(d, 3, 9000, true, new byte[] {0x7c});                  // FU-A without its header
        assertEquals(3, d.malformed());
        assertTrue(frames.isEmpty());
        var random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            byte[] junk = new byte[random.nextInt(30)];
            random.nextBytes(junk);
            push(d, i & 0xffff, i / 3, random.nextBoolean(), junk);
        }
    }
}
