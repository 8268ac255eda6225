package dev.parley.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Opus TOC durations, VP8 keyframe sizes and H.264 SPS sizes, from real bitstream bytes. */
class CodecBitstreamTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void opusDurationsComeFromTheToc() {
        assertEquals(960, OpusToc.packetSamples(new byte[] {(byte) 0x78, 1, 2}, 0, 3), "hybrid FB 20 ms, code 0");
        assertEquals(960, OpusToc.packetSamples(new byte[] {(byte) 0xF8, 1}, 0, 2), "CELT FB 20 ms");
        assertEquals(480, OpusToc.packetSamples(new byte[] {0x00}, 0, 1), "SILK NB 10 ms");
        assertEquals(2 * 2880, OpusToc.packetSamples(new byte[] {0x19, 1, 1}, 0, 3), "SILK 60 ms, code 1: two frames");
        assertEquals(6 * 960, OpusToc.packetSamples(new byte[] {(byte) 0xFB, 6}, 0, 2), "code 3 with six 20 ms frames");
        assertEquals(0, OpusToc.packetSamples(new byte[] {(byte) 0xFB}, 0, 1), "code 3 without its count");
        assertEquals(0, OpusToc.packetSamples(new byte[] {(byte) 0xFB, 7}, 0, 2), "140 ms is too long");
        assertEquals(0, OpusToc.packetSamples(new byte[0], 0, 0));
        assertTrue(OpusToc.stereo(0xFC));
        byte[] plc = OpusToc.concealment(0x78, 6);
        assertArrayEquals(new byte[] {0x7B, 6}, plc);
        assertEquals(5760, OpusToc.packetSamples(plc, 0, plc.length));
    }

    @Test
    void vp8KeyframesCarryTheirSize() {
        // Frame tag (keyframe, shown), start code, 640x480 with no scaling.
        byte[] key = HEX.parseHex("b0ba009d012a8002e001"); // libvpx, 640x480
        assertTrue(Vp8Frames.isKeyframe(key, 0, key.length));
        assertEquals(640 << 16 | 480, Vp8Frames.dimensions(key, 0, key.length));
        byte[] inter = HEX.parseHex("3102009d012a8002e001");
        assertEquals(-1, Vp8Frames.dimensions(inter, 0, inter.length));
        assertEquals(-1, Vp8Frames.dimensions(key, 0, 6), "cut short");
    }

    @Test
    void h264SpsSizesIncludingCroppingAndHighProfile() {
        // SPSs that x264 wrote (ffmpeg -f lavfi -i testsrc -pix_fmt yuv420p -c:v libx264 -profile:v ...).
        assertEquals(new H264Sps.Size(320, 240), sps("6742c00dd90141fb0110000003001000000303c0f142a480"));
        assertEquals(new H264Sps.Size(352, 288), sps("674d400deca0b04b6022000003000200000300781e28532c"));
        assertEquals(new H264Sps.Size(1920, 1080), sps("67640028acd940780227e5c044000003000400000300f03c60c658"),
                "high profile, cropped from 1088 lines");
        assertTrue(H264Sps.size(HEX.parseHex("6742c0"), 0, 3).isEmpty());
        assertTrue(H264Sps.size(HEX.parseHex("68ce3c80"), 0, 4).isEmpty(), "a PPS is not an SPS");
        assertArrayEquals(HEX.parseHex("000001000002"), H264Sps.unescape(HEX.parseHex("00000301000002"), 0, 7));
    }

    private static H264Sps.Size sps(String hex) {
        byte[] b = HEX.parseHex(hex);
        return H264Sps.size(b, 0, b.length).orElseThrow();
    }
}
