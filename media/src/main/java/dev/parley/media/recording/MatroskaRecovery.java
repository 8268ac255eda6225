package dev.parley.media.recording;

import dev.parley.protocol.codec.OpusToc;
import dev.parley.protocol.container.Ebml;
import dev.parley.protocol.container.MatroskaIds;
import dev.parley.protocol.container.MatroskaLayout;
import java.io.IOException;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes a Matroska/WebM file whose writer was killed (see {@link RecordingFiles}): walks the
 * Segment's top-level elements, keeps those that are whole, and writes what
 * {@link MatroskaMuxer#finish} would have: Cues, SeekHead, Duration, Segment size, plus a tag
 * saying the recording was interrupted.
 */
final class MatroskaRecovery {

    private record Element(long id, long position, int headerLength, long size) {
        long end() {
            return position + headerLength + size;
        }

        long dataStart() {
            return position + headerLength;
        }
    }

    private record ClusterInfo(long position, long timestampMs, int firstTrack, boolean firstKeyframe) {
    }

    private MatroskaRecovery() {
    }

    static RecordingFiles.Recovered recover(FileChannel channel) throws IOException {
        long size = channel.size();
        Element ebml = element(channel, 0, size);
        if (ebml == null || ebml.id() != MatroskaIds.EBML) {
            return new RecordingFiles.Recovered(Duration.ZERO, size, false, "no EBML header");
        }
        byte[] segmentHead = RecordingFiles.read(channel, ebml.end(), 12);
        if (Ebml.readId(segmentHead, 0, segmentHead.length) != MatroskaIds.SEGMENT || segmentHead.length < 5) {
            return new RecordingFiles.Recovered(Duration.ZERO, size, false, "no Segment");
        }
        long sizeOffset = ebml.end() + 4;
        int sizeWidth = Ebml.vintWidth(segmentHead[4]);
        long segmentSize = Ebml.readSize(segmentHead, 4, segmentHead.length);
        long dataStart = sizeOffset + sizeWidth;
        if (segmentSize == Ebml.INVALID) {
            return new RecordingFiles.Recovered(Duration.ZERO, size, false, "the Segment size does not parse");
        }

        Element seekSpace = null;
        Element info = null;
        Map<Integer, String> codecs = new HashMap<>();
        List<ClusterInfo> clusters = new ArrayList<>();
        Element lastCluster = null;
        long position = dataStart;
        long wholeEnd = dataStart;
        while (position < size) {
            Element e = element(channel, position, size);
            if (e == null || e.end() > size) {
                break; // cut short: what follows is dropped
            }
            if (e.id() == MatroskaIds.VOID && position == dataStart) {
                seekSpace = e;
            } else if (e.id() == MatroskaIds.INFO) {
                info = e;
            } else if (e.id() == MatroskaIds.TRACKS) {
                codecs = trackCodecs(RecordingFiles.read(channel, e.dataStart(), (int) Math.min(e.size(), 1 << 20)));
            } else if (e.id() == MatroskaIds.CLUSTER) {
                ClusterInfo c = clusterInfo(channel, e);
                if (c != null) {
                    clusters.add(c);
                    lastCluster = e;
                }
            }
            wholeEnd = e.end();
            position = e.end();
        }
        double durationMs = lastCluster == null ? 0 : lastBlockEnd(channel, lastCluster, codecs);
        if (segmentSize != Ebml.UNKNOWN) {
            return new RecordingFiles.Recovered(Duration.ofNanos((long) (durationMs * 1e6)), size, true, "");
        }

        channel.truncate(wholeEnd);
        long end = wholeEnd;
        boolean video = codecs.values().stream().anyMatch(c -> c.startsWith("V_"));
        var cues = new ArrayList<MatroskaLayout.CuePoint>();
        for (ClusterInfo c : clusters) {
            boolean videoTrack = codecs.getOrDefault(c.firstTrack(), "").startsWith("V_");
            if (video ? videoTrack && c.firstKeyframe() : true) {
                cues.add(new MatroskaLayout.CuePoint(c.timestampMs(), c.firstTrack(), c.position() - dataStart));
            }
        }
        long cuesPosition = -1;
        if (!cues.isEmpty()) {
            cuesPosition = end - dataStart;
            byte[] bytes = MatroskaLayout.cues(cues);
            RecordingFiles.write(channel, end, bytes);
            end += bytes.length;
        }
        long tagsPosition = end - dataStart;
        byte[] tags = MatroskaLayout.tags(Map.of("PARLEY_RECORDING", "interrupted"));
        RecordingFiles.write(channel, end, tags);
        end += tags.length;
        if (seekSpace != null && seekSpace.end() - seekSpace.position() == MatroskaLayout.SEEK_HEAD_SPACE && info != null) {
            var ids = new ArrayList<Long>(List.of(MatroskaIds.INFO, MatroskaIds.TAGS));
            var positions = new ArrayList<Long>(List.of(info.position() - dataStart, tagsPosition));
            if (cuesPosition >= 0) {
                ids.add(MatroskaIds.CUES);
                positions.add(cuesPosition);
            }
            RecordingFiles.write(channel, seekSpace.position(), MatroskaLayout.seekHeadSpace(
                    ids.stream().mapToLong(Long::longValue).toArray(),
                    positions.stream().mapToLong(Long::longValue).toArray()));
        }
        if (info != null) {
            writeDuration(channel, info, durationMs);
        }
        if (sizeWidth == 8) {
            RecordingFiles.write(channel, sizeOffset, MatroskaLayout.segmentSize(end - dataStart));
        }
        channel.force(false);
        return new RecordingFiles.Recovered(Duration.ofNanos((long) (durationMs * 1e6)), channel.size(), false, "");
    }

    /** The element at {@code position}, or null when its header does not parse or has an unknown size. */
    private static Element element(FileChannel channel, long position, long fileSize) throws IOException {
        byte[] head = RecordingFiles.read(channel, position, 12);
        Element e = header(head, 0, head.length);
        return e == null ? null : new Element(e.id(), position, e.headerLength(), e.size());
    }

    /**
     * The element whose header starts at {@code at} in {@code b} (read no further than
     * {@code end}), positioned in {@code b}; null when the header does not parse or has an
     * unknown size. Its data may run past {@code end}: callers that need it whole check.
     */
    private static Element header(byte[] b, int at, int end) {
        long id = Ebml.readId(b, at, end);
        if (id < 0) {
            return null;
        }
        int idWidth = Ebml.idWidth(id);
        long size = Ebml.readSize(b, at + idWidth, end);
        if (size < 0) {
            return null;
        }
        return new Element(id, at, idWidth + Ebml.vintWidth(b[at + idWidth]), size);
    }

    private static ClusterInfo clusterInfo(FileChannel channel, Element cluster) throws IOException {
        byte[] b = RecordingFiles.read(channel, cluster.dataStart(), (int) Math.min(cluster.size(), 64));
        long timestamp = -1;
        int i = 0;
        while (i < b.length) {
            Element e = header(b, i, b.length);
            if (e == null) {
                break;
            }
            long id = e.id();
            long size = e.size();
            int data = (int) e.dataStart();
            if (id == MatroskaIds.TIMESTAMP && data + size <= b.length) {
                timestamp = unsigned(b, data, (int) size);
            } else if (id == MatroskaIds.SIMPLE_BLOCK && timestamp >= 0 && data + 4 <= b.length) {
                return new ClusterInfo(cluster.position(), timestamp, b[data] & 0x7f, (b[data + 3] & 0x80) != 0);
            }
            i = (int) (data + size);
        }
        return null;
    }

    /** The end of the last cluster's latest block, in ms: its time plus, for audio, its duration. */
    private static double lastBlockEnd(FileChannel channel, Element cluster, Map<Integer, String> codecs)
            throws IOException {
        byte[] b = RecordingFiles.read(channel, cluster.dataStart(), (int) Math.min(cluster.size(), 64 << 20));
        long timestamp = 0;
        double end = 0;
        int i = 0;
        while (i < b.length) {
            Element e = header(b, i, b.length);
            if (e == null || e.end() > b.length) {
                break;
            }
            long id = e.id();
            long size = e.size();
            int data = (int) e.dataStart();
            if (id == MatroskaIds.TIMESTAMP) {
                timestamp = unsigned(b, data, (int) size);
            } else if (id == MatroskaIds.SIMPLE_BLOCK && size >= 4) {
                int track = b[data] & 0x7f;
                int relative = (short) ((b[data + 1] & 0xff) << 8 | (b[data + 2] & 0xff));
                int frame = data + 4;
                int frameLength = (int) size - 4;
                String codec = codecs.getOrDefault(track, "");
                double frameMs = switch (codec) {
                    case "A_OPUS" -> OpusToc.packetSamples(b, frame, frameLength) / 48.0;
                    case "A_MS/ACM" -> frameLength / 8.0;
                    default -> 0;
                };
                end = Math.max(end, timestamp + relative + frameMs);
            }
            i = (int) (data + size);
        }
        return end;
    }

    /** TrackNumber to CodecID, from the Tracks element's data. */
    private static Map<Integer, String> trackCodecs(byte[] b) {
        var codecs = new HashMap<Integer, String>();
        int i = 0;
        while (i < b.length) {
            Element entry = header(b, i, b.length);
            if (entry == null) {
                break;
            }
            int end = (int) Math.min(b.length, entry.end());
            if (entry.id() == MatroskaIds.TRACK_ENTRY) {
                int number = -1;
                String codec = "";
                int j = (int) entry.dataStart();
                while (j < end) {
                    Element child = header(b, j, end);
                    if (child == null || child.end() > end) {
                        break;
                    }
                    int cd = (int) child.dataStart();
                    int cs = (int) child.size();
                    if (child.id() == MatroskaIds.TRACK_NUMBER) {
                        number = (int) unsigned(b, cd, cs);
                    } else if (child.id() == MatroskaIds.CODEC_ID) {
                        codec = new String(b, cd, cs, StandardCharsets.US_ASCII);
                    }
                    j = (int) child.end();
                }
                if (number > 0) {
                    codecs.put(number, codec);
                }
            }
            i = end;
        }
        return codecs;
    }

    /** Puts the Duration into Info: over an existing Duration, or into the 11-byte Void left for it. */
    private static void writeDuration(FileChannel channel, Element info, double ms) throws IOException {
        byte[] b = RecordingFiles.read(channel, info.dataStart(), (int) Math.min(info.size(), 4096));
        int i = 0;
        while (i < b.length) {
            Element e = header(b, i, b.length);
            if (e == null) {
                return;
            }
            boolean durationSized = e.end() - i == MatroskaLayout.DURATION_SPACE;
            if (durationSized && (e.id() == MatroskaIds.VOID || e.id() == MatroskaIds.DURATION)) {
                RecordingFiles.write(channel, info.dataStart() + i, MatroskaLayout.duration(ms));
                return;
            }
            i = (int) e.end();
        }
    }

    private static long unsigned(byte[] b, int off, int len) {
        long v = 0;
        for (int k = 0; k < len && k < 8; k++) {
            v = v << 8 | (b[off + k] & 0xff);
        }
        return v;
    }

}
