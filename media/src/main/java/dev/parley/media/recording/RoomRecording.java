package dev.parley.media.recording;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A running recording of a room: every participant, present and future, one file each (and
 * one more per extra video track). It ends with {@code MediaServer.stopRecording} or when the
 * room closes; {@link #finished()} completes then with every file, finalised.
 */
public final class RoomRecording {

    private final String id;
    private final String roomKey;
    private final RecordingSpec spec;
    private final Instant started;
    private final CompletableFuture<List<RecordedFile>> finished = new CompletableFuture<>();

    RoomRecording(String id, String roomKey, RecordingSpec spec, Instant started) {
        this.id = id;
        this.roomKey = roomKey;
        this.spec = spec;
        this.started = started;
    }

    public String id() {
        return id;
    }

    public String roomKey() {
        return roomKey;
    }

    public RecordingSpec spec() {
        return spec;
    }

    public Instant started() {
        return started;
    }

    /** Completes with the recording's files once it ended and they are finalised. */
    public CompletableFuture<List<RecordedFile>> finished() {
        return finished.copy();
    }

    CompletableFuture<List<RecordedFile>> result() {
        return finished;
    }

    @Override
    public String toString() {
        return "RoomRecording[" + id + " of " + roomKey + (spec.video() ? ", audio and video" : ", audio") + "]";
    }
}
