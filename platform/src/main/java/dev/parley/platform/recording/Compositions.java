package dev.parley.platform.recording;

import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs compositions in the background, each on its own virtual thread, at most
 * {@link RecordingOptions#maxCompositions()} at once. A recording is PROCESSING while its
 * composition waits or runs, and READY or FAILED (with the reason) after. Nothing here runs on
 * a caller's thread: {@link #submit} returns at once.
 */
final class Compositions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Compositions.class);
    /** The failure_reason column holds 1000 characters. */
    private static final int MAX_REASON = 1000;

    private final Database database;
    private final RecordingStore store;
    private final Composer composer;
    private final Semaphore slots;
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * One composition: its virtual thread and the ffmpeg it runs. Cancelling kills the process
     * and raises a flag rather than interrupting the thread: an interrupt that lands in JDBC
     * would close the connection (virtual threads' socket reads are interruptible) or, on H2,
     * its file channel.
     */
    private static final class Job {
        volatile Thread thread;
        volatile boolean cancelled;
        volatile Process process;

        void cancel() {
            cancelled = true;
            Process current = process;
            if (current != null) {
                ChildProcess.stop(current);
            }
        }
    }

    Compositions(Database database, RecordingStore store, RecordingOptions options) {
        this.database = database;
        this.store = store;
        this.composer = new Composer(options.ffmpeg(), options.composeTimeout());
        this.slots = new Semaphore(options.maxCompositions(), true);
    }

    /** Composes the recording, which the caller has just set PROCESSING. */
    void submit(String recordingId) {
        if (closed) {
            return; // stopping: the next start composes it
        }
        running.computeIfAbsent(recordingId, id -> {
            var job = new Job();
            job.thread = Thread.ofVirtual().name("compose-" + id).start(() -> run(id, job));
            return job;
        });
    }

    private void run(String id, Job job) {
        try {
            if (!acquire(job)) {
                return;
            }
            try {
                compose(id, job);
            } finally {
                slots.release();
            }
        } catch (RuntimeException e) {
            LOG.error("composition of {} failed", id, e);
            if (!job.cancelled) {
                fail(id, "composition failed: " + e.getMessage());
            }
        } finally {
            running.remove(id, job);
        }
    }

    /** Waits for a free slot; false when the job is cancelled while it waits. */
    private boolean acquire(Job job) {
        try {
            while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (job.cancelled) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (job.cancelled) {
            slots.release();
            return false;
        }
        return true;
    }

    /** Stops the recording's composition, if one waits or runs, and waits until it has stopped. */
    void cancel(String recordingId, Duration wait) {
        Job job = running.get(recordingId);
        if (job == null) {
            return;
        }
        job.cancel();
        try {
            if (!job.thread.join(wait)) {
                LOG.warn("composition of {} did not stop within {}", recordingId, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the recording's composition waits or runs. */
    boolean isRunning(String recordingId) {
        return running.containsKey(recordingId);
    }

    /** Waits until the recording's composition, if any, has ended; false when it still runs after {@code wait}. */
    boolean await(String recordingId, Duration wait) throws InterruptedException {
        Job job = running.get(recordingId);
        return job == null || job.thread.join(wait);
    }

    @Override
    public void close() {
        // Recordings left PROCESSING are composed again at the next start (RestartRecovery).
        closed = true;
        for (String id : List.copyOf(running.keySet())) {
            cancel(id, Duration.ofSeconds(10));
        }
    }

    private void compose(String id, Job job) {
        Optional<Recording> found = database.transaction(c -> RecordingRows.lock(c, id));
        if (found.isEmpty() || found.get().status() != RecordingStatus.PROCESSING) {
            return;
        }
        Recording recording = found.get();
        List<Composer.Input> inputs = inputs(recording);
        FileFormat format = Composer.outputFormat(inputs, recording.recordingType());
        if (!Composer.hasOutput(inputs, format)) {
            finish(id, Optional.empty()); // nothing to mix: no file holds anything this format carries
            return;
        }
        String fileId = Secrets.id("rf", 20);
        String name = fileId + "." + format.extension();
        Path output;
        try {
            output = store.writable(id, name);
        } catch (IOException e) {
            fail(id, "cannot write the composed file: " + e.getMessage());
            return;
        }
        Composer.Outcome outcome = composer.compose(inputs, format, output, process -> {
            job.process = process;
            if (job.cancelled) {
                ChildProcess.stop(process); // cancelled just before it started
            }
        });
        if (job.cancelled) {
            return; // deleted, or the server is stopping: the row is left as it is
        }
        switch (outcome) {
            case Composer.Outcome.Failed failed -> fail(id, failed.reason());
            case Composer.Outcome.Done done -> finish(id, Optional.of(composedFile(recording, fileId, name, done)));
        }
    }

    /** The participant files that have something in them, placed on the recording's timeline. */
    private List<Composer.Input> inputs(Recording recording) {
        var inputs = new ArrayList<Composer.Input>();
        for (RecordingFile file : recording.participantFiles()) {
            if (file.size() <= 0 || file.end().isEmpty()) {
                continue;
            }
            Duration offset = Duration.between(recording.start(), file.start());
            Duration length = file.duration().orElse(Duration.between(file.start(), file.end().get()));
            try {
                Path local = store.localFile(file.storageKey());
                if (Files.isRegularFile(local)) {
                    inputs.add(new Composer.Input(local, offset.isNegative() ? Duration.ZERO : offset, length,
                            recording.recordingType() == RecordingType.AUDIO_AND_VIDEO && file.hasVideo(),
                            file.hasAudio()));
                }
            } catch (IOException e) {
                LOG.warn("file {} of {} cannot be read for composition: {}", file.id(), recording.id(), e.getMessage());
            }
        }
        return inputs;
    }

    private RecordingFile composedFile(Recording recording, String fileId, String name, Composer.Outcome.Done done) {
        try {
            String key = store.commit(recording.id(), name);
            long size = store.size(key);
            Instant end = recording.start().plus(done.duration());
            return new RecordingFile(fileId, recording.id(), FileKind.COMPOSED, Optional.empty(), name, done.format(),
                    done.codecs(), size, recording.start(), Optional.of(end), Optional.of(done.duration()), key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** READY, with the composed file when there is one; nothing happens to a recording deleted meanwhile. */
    private void finish(String id, Optional<RecordingFile> composed) {
        database.transaction(c -> {
            Optional<Recording> current = RecordingRows.lock(c, id);
            if (current.isEmpty() || current.get().status() != RecordingStatus.PROCESSING) {
                return null;
            }
            if (composed.isPresent()) {
                RecordingRows.insertFile(c, composed.get());
            }
            RecordingRows.setStatus(c, id, RecordingStatus.READY, Optional.empty());
            return null;
        });
    }

    private void fail(String id, String why) {
        LOG.warn("composition of {} failed: {}", id, why);
        String reason = why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 3) + "...";
        database.transaction(c -> {
            Optional<Recording> current = RecordingRows.lock(c, id);
            if (current.isPresent() && current.get().status() == RecordingStatus.PROCESSING) {
                RecordingRows.setStatus(c, id, RecordingStatus.FAILED, Optional.of(reason));
            }
            return null;
        });
    }
}
