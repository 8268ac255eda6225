package dev.parley.protocol.container;

import java.time.Instant;
import java.util.List;

/**
 * The layout of a Matroska/WebM file that is playable at every moment while it is written
 * (RFC 9559; WebM is the same with DocType "webm" and fewer codecs):
 *
 * <pre>
 *  EBML header (DocType)
 *  Segment, size unknown (8-byte vint, patched to the real size when finished)
 *    Void, {@link #SEEK_HEAD_SPACE} bytes    becomes SeekHead (Info, Tracks, Cues) when finished
 *    Info: TimestampScale 1 ms, DateUTC, apps, an 11-byte Void that becomes Duration
 *    Tracks + Void, {@link #TRACKS_SPACE} bytes in all: rewritten in place when a track is added
 *    Cluster, Cluster, ...                   each written whole, with an 8-byte size
 *    Cues, Tags                              when finished
 * </pre>
 *
 * A reader that opens the file at any point finds a valid header and whole clusters; the
 * spaces let the writer fill in what it learns later without moving anything. Timestamps are
 * in milliseconds (TimestampScale 1,000,000 ns).
 */
public final class MatroskaLayout {

    /** Room for the SeekHead at the start of the Segment. */
    public static final int SEEK_HEAD_SPACE = 96;
    /** Room for Tracks: two entries with an H.264 avcC take a few hundred bytes. */
    public static final int TRACKS_SPACE = 2048;
    /** A Duration element: 2-byte ID, 1-byte size, 8-byte float. */
    public static final int DURATION_SPACE = 11;
    public static final long TIMESTAMP_SCALE_NANOS = 1_000_000;
    /** DateUTC counts nanoseconds from 2001-01-01T00:00:00Z (RFC 9559 §5.1.2.5). */
    private static final long MATROSKA_EPOCH_SECONDS = 978_307_200L;

    /**
     * The bytes before the first cluster, and where the parts to patch later are.
     *
     * @param segmentSizeOffset where the Segment's 8-byte size is
     * @param segmentDataOffset where the Segment's data begins: positions in SeekHead and Cues count from here
     * @param seekHeadOffset    where the SeekHead space is
     * @param infoOffset        where Info starts
     * @param durationOffset    where the Duration space is
     * @param tracksOffset      where the Tracks space is
     */
    public record Header(byte[] bytes, int segmentSizeOffset, int segmentDataOffset, int seekHeadOffset,
                         int infoOffset, int durationOffset, int tracksOffset) {
        public Header {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** One entry of Cues: a cluster at {@code clusterPosition} (from the Segment's data) starts at {@code timeMs} on {@code track}. */
    public record CuePoint(long timeMs, int track, long clusterPosition) {
    }

    private MatroskaLayout() {
    }

    public static Header header(String docType, Instant dateUtc, String application, List<MatroskaTrack> tracks) {
        var w = new EbmlWriter(TRACKS_SPACE + 512);
        int ebml = w.start(MatroskaIds.EBML);
        w.uint(MatroskaIds.EBML_VERSION, 1);
        w.uint(MatroskaIds.EBML_READ_VERSION, 1);
        w.uint(MatroskaIds.EBML_MAX_ID_LENGTH, 4);
        w.uint(MatroskaIds.EBML_MAX_SIZE_LENGTH, 8);
        w.string(MatroskaIds.DOC_TYPE, docType);
        w.uint(MatroskaIds.DOC_TYPE_VERSION, 4);
        w.uint(MatroskaIds.DOC_TYPE_READ_VERSION, 2);
        w.end(ebml);
        w.id(MatroskaIds.SEGMENT);
        int segmentSize = w.size();
        w.raw(Ebml.UNKNOWN_SIZE_8, 8);
        int segmentData = w.size();
        w.voidElement(SEEK_HEAD_SPACE);
        int info = w.size();
        int infoMark = w.start(MatroskaIds.INFO);
        w.uint(MatroskaIds.TIMESTAMP_SCALE, TIMESTAMP_SCALE_NANOS);
        w.header(MatroskaIds.DATE_UTC, 8);
        w.raw(dateNanos(dateUtc), 8);
        w.string(MatroskaIds.MUXING_APP, application);
        w.string(MatroskaIds.WRITING_APP, application);
        int durationFromInfoStart = w.size() - infoMark;
        w.voidElement(DURATION_SPACE);
        w.end(infoMark);
        // end() moved the content left by the bytes the minimal size saved: find Duration again.
        int infoHeaderShrink = 8 - Ebml.vintWidth(w.buffer()[infoMark]);
        int duration = infoMark + durationFromInfoStart - infoHeaderShrink;
        int tracksAt = w.size();
        byte[] region = tracksSpace(tracks);
        w.raw(region, 0, region.length);
        return new Header(w.toByteArray(), segmentSize, segmentData, segmentData, info, duration, tracksAt);
    }

    /** Tracks with these entries, padded with Void to exactly {@link #TRACKS_SPACE} bytes. */
    public static byte[] tracksSpace(List<MatroskaTrack> tracks) {
        var w = new EbmlWriter(TRACKS_SPACE);
        int mark = w.start(MatroskaIds.TRACKS);
        tracks.forEach(t -> t.writeTo(w));
        w.end(mark);
        return pad(w, TRACKS_SPACE, mark);
    }

    /** A SeekHead pointing at these elements (ID and position from the Segment's data), padded to {@link #SEEK_HEAD_SPACE}. */
    public static byte[] seekHeadSpace(long[] ids, long[] positions) {
        var w = new EbmlWriter(SEEK_HEAD_SPACE);
        int mark = w.start(MatroskaIds.SEEK_HEAD);
        for (int i = 0; i < ids.length; i++) {
            int seek = w.start(MatroskaIds.SEEK);
            int width = Ebml.idWidth(ids[i]);
            w.header(MatroskaIds.SEEK_ID, width);
            w.raw(ids[i], width);
            w.uint(MatroskaIds.SEEK_POSITION, positions[i]);
            w.end(seek);
        }
        w.end(mark);
        return pad(w, SEEK_HEAD_SPACE, mark);
    }

    /** The Duration element, exactly {@link #DURATION_SPACE} bytes. */
    public static byte[] duration(double milliseconds) {
        var w = new EbmlWriter(DURATION_SPACE);
        w.float64(MatroskaIds.DURATION, milliseconds);
        return w.toByteArray();
    }

    /** The Segment's size as the 8-byte vint that replaces the unknown size. */
    public static byte[] segmentSize(long size) {
        byte[] b = new byte[8];
        Ebml.putSize(b, 0, size, 8);
        return b;
    }

    public static byte[] cues(List<CuePoint> points) {
        var w = new EbmlWriter(64 + points.size() * 16);
        int cues = w.start(MatroskaIds.CUES);
        for (CuePoint p : points) {
            int point = w.start(MatroskaIds.CUE_POINT);
            w.uint(MatroskaIds.CUE_TIME, p.timeMs());
            int positions = w.start(MatroskaIds.CUE_TRACK_POSITIONS);
            w.uint(MatroskaIds.CUE_TRACK, p.track());
            w.uint(MatroskaIds.CUE_CLUSTER_POSITION, p.clusterPosition());
            w.end(positions);
            w.end(point);
        }
        w.end(cues);
        return w.toByteArray();
    }

    /** Tags with one global SimpleTag per entry (RFC 9559 §5.1.8), e.g. a recording that was interrupted. */
    public static byte[] tags(java.util.Map<String, String> values) {
        var w = new EbmlWriter();
        int tags = w.start(MatroskaIds.TAGS);
        int tag = w.start(MatroskaIds.TAG);
        int targets = w.start(MatroskaIds.TARGETS);
        w.end(targets);
        values.forEach((name, value) -> {
            int simple = w.start(MatroskaIds.SIMPLE_TAG);
            w.string(MatroskaIds.TAG_NAME, name);
            w.string(MatroskaIds.TAG_STRING, value);
            w.end(simple);
        });
        w.end(tag);
        w.end(tags);
        return w.toByteArray();
    }

    public static long dateNanos(Instant instant) {
        return (instant.getEpochSecond() - MATROSKA_EPOCH_SECONDS) * 1_000_000_000L + instant.getNano();
    }

    public static Instant dateInstant(long nanos) {
        return Instant.ofEpochSecond(MATROSKA_EPOCH_SECONDS).plusNanos(nanos);
    }

    /** Pads {@code w} (one element written from {@code mark}) with Void up to {@code space} bytes. */
    private static byte[] pad(EbmlWriter w, int space, int mark) {
        int left = space - w.size();
        if (left < 0) {
            throw new IllegalArgumentException("the element needs " + w.size() + " bytes, the space has " + space);
        }
        if (left == 1) {
            // No Void is 1 byte: write the element's size one byte wider instead (EBML allows it).
            var wider = new EbmlWriter(space);
            byte[] b = w.toByteArray();
            int idWidth = Ebml.idWidth(Ebml.readId(b, 0, b.length));
            int sizeWidth = Ebml.vintWidth(b[idWidth]);
            long dataSize = Ebml.readSize(b, idWidth, b.length);
            wider.raw(b, 0, idWidth);
            byte[] size = new byte[sizeWidth + 1];
            Ebml.putSize(size, 0, dataSize, sizeWidth + 1);
            wider.raw(size, 0, size.length);
            wider.raw(b, idWidth + sizeWidth, b.length - idWidth - sizeWidth);
            return wider.toByteArray();
        }
        if (left > 0) {
            w.voidElement(left);
        }
        return w.toByteArray();
    }
}
