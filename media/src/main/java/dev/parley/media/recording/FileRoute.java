package dev.parley.media.recording;

import dev.parley.media.sfu.MediaKind;
import dev.parley.media.workers.LanePool;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The media loop's view of one file: its container, which codec each kind has had, and which
 * track feeds each kind now. A track goes into a file whose slot for its kind is free and
 * whose codec for that kind is the same (or not yet set), in a container that takes the
 * codec; so a camera turned off and on again, or a participant who rejoins, continues the same
 * file, while a second camera (a screen share) or a codec change starts another. Media loop
 * only; the file itself is written by {@link FileWriter} on {@link #lane}.
 */
final class FileRoute {

    final String participant;
    final Container container;
    final FileWriter writer;
    final LanePool.Lane lane;
    final FileCounters counters;
    private final Map<MediaKind, String> codecs = new EnumMap<>(MediaKind.class);
    private final Map<MediaKind, RecordedTrack> live = new EnumMap<>(MediaKind.class);
    private final Map<Integer, RecordedTrack> bySlot = new java.util.HashMap<>();
    private final CompletableFuture<Optional<RecordedFile>> result = new CompletableFuture<>();
    private int nextSlot;
    private boolean closed;

    FileRoute(String participant, Container container, FileWriter writer, LanePool.Lane lane, FileCounters counters) {
        this.participant = participant;
        this.container = container;
        this.writer = writer;
        this.lane = lane;
        this.counters = counters;
    }

    boolean accepts(MediaKind kind, String codec) {
        return !closed && !live.containsKey(kind) && codecs.getOrDefault(kind, codec).equals(codec)
                && container.accepts(kind, codec);
    }

    /** Takes {@code track} into this file; returns its slot. */
    int claim(RecordedTrack track, TrackSpecFactory specs) {
        int slot = nextSlot++;
        codecs.put(track.kind(), track.codec());
        live.put(track.kind(), track);
        bySlot.put(slot, track);
        TrackSpec spec = specs.spec(slot);
        post(() -> writer.addTrack(spec));
        return slot;
    }

    /** The track stopped (unpublished, closed, or the recording ends): its slot is free again. */
    void release(RecordedTrack track, int slot) {
        if (live.get(track.kind()) == track) {
            live.remove(track.kind());
        }
        post(() -> writer.endTrack(slot));
    }

    /** The track that feeds (or fed) {@code slot}, if it still does. */
    Optional<RecordedTrack> track(int slot) {
        RecordedTrack t = bySlot.get(slot);
        return t != null && live.get(t.kind()) == t ? Optional.of(t) : Optional.empty();
    }

    boolean post(Runnable task) {
        return lane.execute(task, 0);
    }

    /** Finishes the file on its lane; the future completes with it once written. */
    CompletableFuture<Optional<RecordedFile>> close() {
        if (!closed) {
            closed = true;
            lane.close(() -> {
                try {
                    result.complete(writer.finish());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }
        return result;
    }

    boolean isClosed() {
        return closed;
    }

    /** Builds the writer's description of a claimed track once its slot is known. */
    interface TrackSpecFactory {
        TrackSpec spec(int slot);
    }
}
