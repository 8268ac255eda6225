package dev.parley.media.recording;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one recorded file, written by the media loop (what it handed over or dropped)
 * and by the file's writer (what reached the disk), read by anyone.
 */
final class FileCounters {

    /** Packets the loop handed to the writer. */
    final AtomicLong packetsIn = new AtomicLong();
    /** Video packets dropped on the loop while waiting for the first keyframe. */
    final AtomicLong droppedBeforeKeyframe = new AtomicLong();
    /** Packets dropped because the writer's queue was full (a slow disk). */
    final AtomicLong queueDrops = new AtomicLong();
    /** Keyframe requests the recorder made. */
    final AtomicLong keyframeRequests = new AtomicLong();
    /** Frames (audio packets, whole video frames) written. */
    final AtomicLong framesWritten = new AtomicLong();
    /** Bytes in the file. */
    final AtomicLong bytes = new AtomicLong();
    /** Video frames lost (a packet missing) or dropped until the next keyframe after a loss. */
    final AtomicLong lostFrames = new AtomicLong();
    /** Packets that came too late for the reordering wait, or did not parse. */
    final AtomicLong latePackets = new AtomicLong();
    /** Write errors (disk full, ...): the file stops where it was. */
    final AtomicLong writeErrors = new AtomicLong();

    Map<String, Object> snapshot() {
        var m = new LinkedHashMap<String, Object>();
        m.put("packetsIn", packetsIn.get());
        m.put("framesWritten", framesWritten.get());
        m.put("bytes", bytes.get());
        m.put("droppedBeforeKeyframe", droppedBeforeKeyframe.get());
        m.put("queueDrops", queueDrops.get());
        m.put("keyframeRequests", keyframeRequests.get());
        m.put("lostFrames", lostFrames.get());
        m.put("latePackets", latePackets.get());
        m.put("writeErrors", writeErrors.get());
        return m;
    }

    static Map<String, Object> sum(Iterable<FileCounters> all) {
        var total = new LinkedHashMap<String, Object>();
        for (FileCounters c : all) {
            c.snapshot().forEach((k, v) -> total.merge(k, v, (a, b) -> (Long) a + (Long) b));
        }
        return total;
    }
}
