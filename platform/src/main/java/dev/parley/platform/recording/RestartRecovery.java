package dev.parley.platform.recording;

import dev.parley.platform.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server does at start for the recordings an earlier run left unfinished. A recording
 * still RECORDING was cut off by a stop: each of its open files goes through the
 * {@link FileFinalizer}, gets its size and an end (from the media duration, else the time the
 * file was last written), and the recording is marked {@code interrupted} and then composed or
 * READY like any other. A recording still PROCESSING lost its composition and is composed again.
 *
 * <p>This assumes one server per database and store: it must run before this server records
 * anything, and a cluster would first need to know which node owns which recording.
 */
final class RestartRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RestartRecovery.class);

    private final Database database;
    private final RecordingStore store;
    private final Compositions compositions;

    RestartRecovery(Database database, RecordingStore store, Compositions compositions) {
        this.database = database;
        this.store = store;
        this.compositions = compositions;
    }

    RecoverySummary run(FileFinalizer finalizer) {
        // Read both lists first: finalising a recording can make it PROCESSING, and it is then
        // composed as a new composition, not counted as one the stop cut off.
        List<String> cutOff = database.transaction(c -> RecordingRows.idsWithStatus(c, RecordingStatus.RECORDING));
        List<String> composing = database.transaction(c -> RecordingRows.idsWithStatus(c, RecordingStatus.PROCESSING));
        composing.forEach(compositions::submit);
        for (String id : cutOff) {
            finalise(id, finalizer);
        }
        return new RecoverySummary(cutOff.size(), composing.size());
    }

    /** One open file after finalising: its end and how the store holds it. */
    private record Closed(Instant end, RecordingRows.Committed committed) {
    }

    private void finalise(String id, FileFinalizer finalizer) {
        Optional<Recording> found = database.transaction(c -> RecordingRows.lock(c, id));
        if (found.isEmpty()) {
            return;
        }
        // Tools run outside any transaction: ffprobe over a long file takes a while. An empty
        // Closed means nothing was recorded in the file, and its row goes.
        var closed = new java.util.HashMap<String, Optional<Closed>>();
        for (RecordingFile file : found.get().participantFiles()) {
            if (!file.finished()) {
                closed.put(file.id(), close(file, finalizer));
            }
        }
        database.transaction(c -> {
            Optional<Recording> current = RecordingRows.lock(c, id);
            if (current.isEmpty() || current.get().status() != RecordingStatus.RECORDING) {
                return null;
            }
            for (RecordingFile file : current.get().participantFiles()) {
                if (!closed.containsKey(file.id())) {
                    continue;
                }
                Optional<Closed> done = closed.get(file.id());
                if (done.isEmpty()) {
                    RecordingRows.deleteFile(c, file.id());
                } else {
                    RecordingRows.finishFile(c, file.id(), done.get().end(), Duration.between(file.start(),
                            done.get().end()), done.get().committed(), file.codecs());
                }
            }
            Recording recording = RecordingRows.lock(c, id).orElseThrow();
            Instant end = recording.participantFiles().stream().flatMap(f -> f.end().stream())
                    .max(Instant::compareTo).orElse(recording.start());
            RecordingRows.end(c, id, end, true);
            RecordingRows.setStatus(c, id, Recordings.afterRecording(recording), Optional.empty());
            return null;
        });
        Recording after = database.transaction(c -> RecordingRows.lock(c, id)).orElseThrow();
        LOG.info("recording {} was cut off by a stop; its {} open file(s) are finalised and it is {}", id,
                closed.size(), after.status());
        if (after.status() == RecordingStatus.PROCESSING) {
            compositions.submit(id);
        }
    }

    private Optional<Closed> close(RecordingFile file, FileFinalizer finalizer) {
        try {
            Path local = store.localFile(file.storageKey());
            if (!Files.isRegularFile(local) || Files.size(local) == 0) {
                return Optional.empty();
            }
            Optional<Duration> duration;
            try {
                duration = finalizer.finalizeFile(local, file.format());
            } catch (IOException | RuntimeException e) {
                LOG.warn("finalising {} failed; it is kept as it is: {}", local, e.toString());
                duration = Optional.empty();
            }
            String key = store.commit(file.recordingId(), file.name());
            // No media duration: the file was last written when the recorder stopped.
            Instant end = duration.map(d -> file.start().plus(d))
                    .orElse(Files.getLastModifiedTime(local).toInstant());
            if (end.isBefore(file.start())) {
                end = file.start();
            }
            return Optional.of(new Closed(end.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    new RecordingRows.Committed(key, store.size(key))));
        } catch (IOException e) {
            LOG.warn("file {} of {} cannot be read; it is dropped: {}", file.id(), file.recordingId(), e.toString());
            return Optional.empty();
        }
    }
}
