package dev.parley.protocol.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header layout: the spaces that are patched later sit where the header says. */
class MatroskaLayoutTest {

    static final MatroskaTrack OPUS = MatroskaTrack.audio(1, 11, "A_OPUS", CodecPrivates.opusHead(1, 0, 48000),
            48000, 1, 0, 0, 80_000_000);
    static final MatroskaTrack VP8 = MatroskaTrack.video(2, 22, "V_VP8", new byte[0], 640, 480);

    @Test
    void theHeaderLeavesSpacesForSeekHeadDurationAndTracks() {
        var header = MatroskaLayout.header("webm", Instant.parse("2026-12-06T10:00:00Z"), "parley", List.of(OPUS));
        byte[] b = header.bytes();
        assertEquals(MatroskaIds.EBML, Ebml.readId(b, 0, b.length));
        assertEquals(MatroskaIds.SEGMENT, Ebml.readId(b, header.segmentSizeOffset() - 4, b.length));
        assertEquals(Ebml.UNKNOWN, Ebml.readSize(b, header.segmentSizeOffset(), b.length), "unknown while recording");
        assertEquals(MatroskaIds.VOID, Ebml.readId(b, header.seekHeadOffset(), b.length));
        assertEquals(MatroskaIds.INFO, Ebml.readId(b, header.infoOffset(), b.length));
        assertEquals(MatroskaIds.VOID, Ebml.readId(b, header.durationOffset(), b.length));
        assertEquals(MatroskaLayout.DURATION_SPACE - 2, Ebml.readSize(b, header.durationOffset() + 1, b.length));
        assertEquals(MatroskaIds.TRACKS, Ebml.readId(b, header.tracksOffset(), b.length));
        assertEquals(header.tracksOffset() + MatroskaLayout.TRACKS_SPACE, b.length, "clusters follow the tracks space");
        assertEquals(header.durationOffset() + MatroskaLayout.DURATION_SPACE, header.tracksOffset(), "Duration ends Info");
    }

    @Test
    void spacesKeepTheirSizeWhateverGoesIn() {
        assertEquals(MatroskaLayout.TRACKS_SPACE, MatroskaLayout.tracksSpace(List.of()).length);
        assertEquals(MatroskaLayout.TRACKS_SPACE, MatroskaLayout.tracksSpace(List.of(OPUS, VP8)).length);
        byte[] seek = MatroskaLayout.seekHeadSpace(new long[] {MatroskaIds.INFO, MatroskaIds.TRACKS, MatroskaIds.CUES},
                new long[] {96, 150, 1_000_000_000L});
        assertEquals(MatroskaLayout.SEEK_HEAD_SPACE, seek.length);
        assertEquals(MatroskaIds.SEEK_HEAD, Ebml.readId(seek, 0, seek.length));
        assertEquals(MatroskaLayout.DURATION_SPACE, MatroskaLayout.duration(12345.0).length);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0x12, 0x34}, MatroskaLayout.segmentSize(0x1234));
    }

    @Test
    void aSpaceOneByteTooBigWidensTheSizeInsteadOfAVoid() {
        // Find track lists whose Tracks element leaves exactly 1 byte: pad() must still fill the space.
        for (int extra = 0; extra < 300; extra++) {
            var t = MatroskaTrack.audio(1, 11, "A_OPUS", new byte[extra], 48000, 1, 0, 0, 0);
            byte[] space = MatroskaLayout.tracksSpace(List.of(t, VP8));
            assertEquals(MatroskaLayout.TRACKS_SPACE, space.length);
            long size = Ebml.readSize(space, 4, space.length);
            int end = 4 + Ebml.vintWidth(space[4]) + (int) size;
            assertTrue(end == space.length || (space[end] & 0xff) == 0xEC, "Tracks then nothing or a Void");
        }
    }

    @Test
    void dateUtcCountsFrom2001() {
        assertEquals(0, MatroskaLayout.dateNanos(Instant.parse("2001-01-01T00:00:00Z")));
        Instant t = Instant.parse("2026-12-06T10:00:00.123456789Z");
        assertEquals(t, MatroskaLayout.dateInstant(MatroskaLayout.dateNanos(t)));
    }

    @Test
    void cuesAndTagsAreWellFormedMasters() {
        byte[] cues = MatroskaLayout.cues(List.of(new MatroskaLayout.CuePoint(0, 2, 2200),
                new MatroskaLayout.CuePoint(1000, 2, 90000)));
        assertEquals(MatroskaIds.CUES, Ebml.readId(cues, 0, cues.length));
        assertEquals(cues.length - 4 - Ebml.vintWidth(cues[4]), Ebml.readSize(cues, 4, cues.length));
        byte[] tags = MatroskaLayout.tags(java.util.Map.of("PARLEY_STATE", "interrupted"));
        assertTrue(new String(tags, java.nio.charset.StandardCharsets.US_ASCII).contains("interrupted"));
        assertEquals(MatroskaIds.TAGS, Ebml.readId(tags, 0, tags.length));
        assertEquals(19, OPUS.codecPrivate().length);
    }
}
