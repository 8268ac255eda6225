package dev.parley.media.recording;

import dev.parley.media.sfu.MediaKind;
import dev.parley.protocol.codec.H264Sps;
import dev.parley.protocol.codec.OpusToc;
import dev.parley.protocol.codec.Vp8Frames;
import dev.parley.protocol.container.CodecPrivates;
import dev.parley.protocol.container.MatroskaCluster;
import dev.parley.protocol.container.MatroskaIds;
import dev.parley.protocol.container.MatroskaLayout;
import dev.parley.protocol.container.MatroskaTrack;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WebM or Matroska, written so that the file plays at every moment (see {@link MatroskaLayout}):
 * the header goes out with the first frame, a track that appears later (the camera turned on)
 * is added by rewriting Tracks in its reserved space, and each cluster is written whole when
 * it closes: after about a second, before every video keyframe (so each keyframe starts a
 * cluster that Cues can point to), or when a block's relative time would not fit. After each
 * cluster the Duration in Info is brought up to date, so even a file whose writer was killed
 * says how long it is, give or take its last second.
 */
final class MatroskaMuxer extends SinkMuxer {

    private static final long CLUSTER_MS = 1000;
    private static final long IDLE_FLUSH_MS = 1500;
    private static final int CLUSTER_MAX_BYTES = 4 << 20;
    private static final long OPUS_SEEK_PRE_ROLL_NANOS = 80_000_000L;

    private final Container container;
    private final Instant start;
    private final List<MatroskaTrack> tracks = new ArrayList<>();
    private final Map<Integer, Integer> numbers = new HashMap<>();
    private final List<String> codecs = new ArrayList<>();
    private final MatroskaCluster cluster = new MatroskaCluster();
    private final List<MatroskaLayout.CuePoint> cues = new ArrayList<>();
    private MatroskaLayout.Header header;
    private boolean video;
    private int clusterFirstTrack;
    private boolean clusterStartsWithVideoKeyframe;
    private long clusterEndMs;
    private long flushedEndMs;
    long undescribable;

    MatroskaMuxer(FileSink sink, Container container, Instant start) {
        super(sink);
        this.container = container;
        this.start = start;
    }

    @Override
    public void write(TrackSpec track, long ms, Frame frame) throws IOException {
        Integer number = numbers.get(track.slot());
        if (number == null) {
            number = sameKindAndCodec(track);
        }
        if (number == null) {
            number = addTrack(track, frame);
            if (number == null) {
                undescribable++;
                return;
            }
        }
        boolean videoKeyframe = track.kind() == MediaKind.VIDEO && frame.keyframe();
        if (cluster.isOpen() && (videoKeyframe && cluster.blocks() > 0 || !cluster.fits(ms)
                || ms - cluster.timestampMs() >= CLUSTER_MS || cluster.size() > CLUSTER_MAX_BYTES)) {
            flushCluster();
        }
        if (!cluster.isOpen()) {
            cluster.start(Math.max(0, ms));
            clusterFirstTrack = number;
            clusterStartsWithVideoKeyframe = videoKeyframe;
        }
        cluster.add(number, ms, frame.keyframe(), frame.data(), 0, frame.data().length);
        clusterEndMs = Math.max(clusterEndMs, ms + durationMs(track, frame));
    }

    @Override
    public void tick(long ms) throws IOException {
        if (cluster.isOpen() && ms - cluster.timestampMs() >= IDLE_FLUSH_MS) {
            flushCluster();
        }
    }

    @Override
    boolean started() {
        return header != null;
    }

    /** The open cluster, Cues, then the SeekHead, Duration and Segment size patched in place. */
    @Override
    void writeEnding() throws IOException {
        if (cluster.isOpen()) {
            flushCluster();
        }
        long segmentData = header.segmentDataOffset();
        var ids = new ArrayList<Long>(List.of(MatroskaIds.INFO, MatroskaIds.TRACKS));
        var positions = new ArrayList<Long>(List.of((long) header.infoOffset() - segmentData,
                (long) header.tracksOffset() - segmentData));
        if (!cues.isEmpty()) {
            ids.add(MatroskaIds.CUES);
            positions.add(sink.size() - segmentData);
            sink.append(MatroskaLayout.cues(cues));
        }
        sink.patch(header.seekHeadOffset(), MatroskaLayout.seekHeadSpace(
                ids.stream().mapToLong(Long::longValue).toArray(),
                positions.stream().mapToLong(Long::longValue).toArray()));
        sink.patch(header.durationOffset(), MatroskaLayout.duration(flushedEndMs));
        sink.patch(header.segmentSizeOffset(), MatroskaLayout.segmentSize(sink.size() - segmentData));
    }

    @Override
    public long durationMs() {
        return flushedEndMs;
    }

    @Override
    public List<String> codecs() {
        return List.copyOf(codecs);
    }

    @Override
    public boolean hasVideo() {
        return video;
    }

    private void flushCluster() throws IOException {
        cluster.finish();
        long position = sink.size() - header.segmentDataOffset();
        sink.append(cluster.buffer(), 0, cluster.size());
        if (clusterStartsWithVideoKeyframe || !video) {
            cues.add(new MatroskaLayout.CuePoint(cluster.timestampMs(), clusterFirstTrack, position));
        }
        flushedEndMs = Math.max(flushedEndMs, clusterEndMs);
        sink.patch(header.durationOffset(), MatroskaLayout.duration(flushedEndMs));
    }

    /**
     * A track of the file that {@code track} continues: the same kind and codec (the camera
     * came back, the participant rejoined), so a player sees one video and one audio track.
     */
    private Integer sameKindAndCodec(TrackSpec track) {
        for (int i = 0; i < tracks.size(); i++) {
            boolean video = tracks.get(i).kind() == MatroskaTrack.Kind.VIDEO;
            if (video == (track.kind() == MediaKind.VIDEO) && codecs.get(i).equals(track.codec())) {
                numbers.put(track.slot(), i + 1);
                return i + 1;
            }
        }
        return null;
    }

    /** Declares the frame's track (the header goes out with the first one); null when the frame cannot describe it. */
    private Integer addTrack(TrackSpec track, Frame frame) throws IOException {
        int number = tracks.size() + 1;
        MatroskaTrack entry = describe(number, track.codec(), frame.data());
        if (entry == null) {
            return null;
        }
        tracks.add(entry);
        numbers.put(track.slot(), number);
        codecs.add(track.codec());
        video |= track.kind() == MediaKind.VIDEO;
        if (header == null) {
            header = MatroskaLayout.header(container.docType, start, "parley", tracks);
            sink.append(header.bytes());
        } else {
            sink.patch(header.tracksOffset(), MatroskaLayout.tracksSpace(tracks));
        }
        return number;
    }

    private static MatroskaTrack describe(int number, String codec, byte[] data) {
        long uid = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        switch (codec) {
            case "opus" -> {
                int channels = data.length > 0 && OpusToc.stereo(data[0]) ? 2 : 1;
                return MatroskaTrack.audio(number, uid, "A_OPUS", CodecPrivates.opusHead(channels, 0, 48_000), 48_000,
                        channels, 0, 0, OPUS_SEEK_PRE_ROLL_NANOS);
            }
            case "pcmu", "pcma" -> {
                int tag = codec.equals("pcmu") ? CodecPrivates.WAVE_FORMAT_MULAW : CodecPrivates.WAVE_FORMAT_ALAW;
                return MatroskaTrack.audio(number, uid, "A_MS/ACM", CodecPrivates.waveFormatG711(tag), 8000, 1, 8, 0, 0);
            }
            case "vp8" -> {
                int size = Vp8Frames.dimensions(data, 0, data.length);
                return size < 0 ? null : MatroskaTrack.video(number, uid, "V_VP8", new byte[0], size >>> 16, size & 0xffff);
            }
            case "h264" -> {
                return h264(number, uid, data);
            }
            default -> {
                return null;
            }
        }
    }

    /** An H.264 track from a keyframe's in-band SPS and PPS (length-prefixed NAL units). */
    private static MatroskaTrack h264(int number, long uid, byte[] data) {
        byte[] sps = null;
        byte[] pps = null;
        int i = 0;
        while (i + 4 < data.length) {
            int length = (data[i] & 0xff) << 24 | (data[i + 1] & 0xff) << 16 | (data[i + 2] & 0xff) << 8 | data[i + 3] & 0xff;
            i += 4;
            if (length <= 0 || i + length > data.length) {
                break;
            }
            int type = data[i] & 0x1f;
            if (type == 7 && sps == null) {
                sps = java.util.Arrays.copyOfRange(data, i, i + length);
            } else if (type == 8 && pps == null) {
                pps = java.util.Arrays.copyOfRange(data, i, i + length);
            }
            i += length;
        }
        if (sps == null || pps == null || sps.length < 4) {
            return null;
        }
        var size = H264Sps.size(sps, 0, sps.length);
        if (size.isEmpty()) {
            return null;
        }
        return MatroskaTrack.video(number, uid, "V_MPEG4/ISO/AVC", CodecPrivates.avcC(sps, pps), size.get().width(),
                size.get().height());
    }

    private static long durationMs(TrackSpec track, Frame frame) {
        if (track.kind() == MediaKind.VIDEO) {
            return 0;
        }
        int rate = track.codec().equals("opus") ? 48_000 : 8000;
        return frame.samples() * 1000L / rate;
    }
}
