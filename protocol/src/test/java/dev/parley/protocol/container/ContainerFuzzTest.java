package dev.parley.protocol.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.codec.H264Sps;
import dev.parley.protocol.codec.OpusToc;
import dev.parley.protocol.codec.Vp8Frames;
import dev.parley.protocol.fuzz.Fuzzer;
import dev.parley.protocol.rtp.H264Depacketizer;
import dev.parley.protocol.rtp.Vp8Depacketizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorder's readers never throw, whatever a publisher sends or a killed writer left: Ogg
 * pages, EBML sizes and IDs, depacketizers, Opus TOCs, VP8 keyframe headers, H.264 SPSs.
 */
class ContainerFuzzTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void oggPagesAndEbmlHeaders() {
        byte[] page = OggPage.write(OggPage.BEGINNING, 960, 7, 0, List.of(CodecPrivates.opusHead(1, 0, 48000)));
        byte[] header = MatroskaLayout.header("webm", Instant.EPOCH, "parley", List.of()).bytes();
        assertTrue(Fuzzer.run("OggPage", List.of(page), b -> OggPage.parse(b, 0, b.length)) > 0);
        assertTrue(Fuzzer.run("Ebml", List.of(header, page), b -> {
            for (int i = 0; i < Math.min(b.length, 64); i++) {
                Ebml.readId(b, i, b.length);
                Ebml.readSize(b, i, b.length);
            }
        }) > 0);
    }

    @Test
    void depacketizersAndBitstreamHeaders() {
        var vp8 = new Vp8Depacketizer();
        var h264 = new H264Depacketizer();
        int[] sequence = {0};
        List<byte[]> seeds = List.of(HEX.parseHex("90808001b0ba009d012a8002e001"), HEX.parseHex("7800056742c00dd90004" + "68cb83cb20"),
                HEX.parseHex("7c85888421"), HEX.parseHex("6742c00dd90141fb0110000003001000000303c0f142a480"));
        assertTrue(Fuzzer.run("depacketizers", seeds, b -> {
            int s = sequence[0]++;
            vp8.push(s & 0xffff, s / 3, (s & 3) == 0, b, 0, b.length, f -> { });
            h264.push(s & 0xffff, s / 3, (s & 3) == 0, b, 0, b.length, f -> { });
            OpusToc.packetSamples(b, 0, b.length);
            Vp8Frames.dimensions(b, 0, b.length);
            H264Sps.size(b, 0, b.length);
        }) > 0);
    }
}
