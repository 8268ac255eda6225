package dev.parley.media.recording;

import dev.parley.media.Room;
import dev.parley.media.loop.MediaLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The media server's recorder: the live recordings and the writer threads they share. Its
 * methods run on the media loop (called by {@code MediaServer}); file I/O runs on the
 * {@link WriterPool}. A recording that ended by itself (its room closed) stays findable for
 * {@link #stop} for a while, so the caller still gets its files.
 */
public final class Recorder implements AutoCloseable {

    /** Ended recordings remembered for a late {@link #stop}. */
    private static final int REMEMBERED = 256;

    private final MediaLoop loop;
    private final WriterPool pool = WriterPool.forThisMachine();
    private final Map<String, RoomRecorder> live = new LinkedHashMap<>();
    private final LinkedHashMap<String, RoomRecording> ended = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RoomRecording> eldest) {
            return size() > REMEMBERED;
        }
    };

    public Recorder(MediaLoop loop) {
        this.loop = loop;
    }

    /** Starts recording {@code room}. Media loop only. */
    public RoomRecording start(Room room, RecordingSpec spec, RecordingListener listener) {
        loop.assertOnLoop();
        if (room.isClosed()) {
            throw new RecordingException("room " + room.key() + " is closed");
        }
        var recording = new RoomRecording(UUID.randomUUID().toString(), room.key(), spec, Instant.now());
        var recorder = new RoomRecorder(recording, room, loop, pool, listener, () -> {
            live.remove(recording.id());
            ended.put(recording.id(), recording);
        });
        live.put(recording.id(), recorder);
        recorder.start();
        return recording;
    }

    /** Stops the recording {@code id}; the future completes with its files once they are final. Media loop only. */
    public CompletableFuture<List<RecordedFile>> stop(String id) {
        loop.assertOnLoop();
        RoomRecorder recorder = live.get(id);
        if (recorder != null) {
            return recorder.stop().copy();
        }
        RoomRecording done = ended.remove(id);
        if (done != null) {
            return done.result().copy();
        }
        return CompletableFuture.failedFuture(new RecordingException("no recording " + id));
    }

    /** Live recordings. */
    public int recordings() {
        return live.size();
    }

    /** Files still open (of live recordings, and of stopped ones still being finished). */
    public int openLanes() {
        return pool.openLanes();
    }

    /** Tracks tapped by live recordings. */
    public int taps() {
        return live.values().stream().mapToInt(RoomRecorder::taps).sum();
    }

    public List<Map<String, Object>> debugState() {
        var list = new ArrayList<Map<String, Object>>();
        live.values().forEach(r -> list.add(r.debugState()));
        return list;
    }

    /**
     * Ends every recording (their rooms are closing with the server), waits a little for the
     * files to be finished, and stops the writer threads. Call from outside the media loop.
     */
    @Override
    public void close() {
        var pending = new ArrayList<CompletableFuture<?>>();
        if (!loop.isStopped()) {
            try {
                loop.call(() -> {
                    List.copyOf(live.values()).forEach(r -> pending.add(r.stop()));
                    ended.values().forEach(r -> pending.add(r.result()));
                    return null;
                }).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the loop is gone: whatever was queued is finished by close() of the lanes below
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // files not finished in time are left as a killed server leaves them: recoverable
        }
        pool.close();
    }
}
