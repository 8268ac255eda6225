package dev.parley.media.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recorded file on its writer lane: the tracks that feed it ({@link TrackInput}), a short
 * interleaving wait that puts their frames in time order, and the container ({@link Muxer}).
 * The file is created with its first frame, which is the file's time zero; a name already
 * taken gets a number ({@code -2}, {@code -3}) rather than being overwritten. Writer lane only.
 */
final class FileWriter implements TrackInput.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(FileWriter.class);
    /** Frames of one track may be this much later than another's (video is packetized after audio). */
    private static final long INTERLEAVE_NANOS = 500_000_000L;
    /** On a tick, frames older than this go out whatever else might still come. */
    private static final long MAX_HOLD_NANOS = 1_000_000_000L;

    private final String participant;
    private final String baseName;
    private final RecordingSpec spec;
    private final Container container;
    private final RecordingListener listener;
    private final long nanoAnchor;
    private final Instant wallAnchor;
    private final IntConsumer keyframeRequest;
    private final FileCounters counters;
    private final Map<Integer, TrackInput> inputs = new HashMap<>();
    private final List<String> trackIds = new ArrayList<>();
    private final TrackClock.SenderClock sender = new TrackClock.SenderClock();
    private final PriorityQueue<Frame> interleave =
            new PriorityQueue<>(Comparator.comparingLong(Frame::nanos).thenComparingLong(Frame::order));
    private long newestNanos = Long.MIN_VALUE;
    private long t0;
    private Instant start;
    private Path path;
    private Muxer muxer;
    private boolean failed;
    private boolean finished;

    FileWriter(String participant, String baseName, RecordingSpec spec, Container container, RecordingListener listener,
               long nanoAnchor, Instant wallAnchor, IntConsumer keyframeRequest, FileCounters counters) {
        this.participant = participant;
        this.baseName = baseName;
        this.spec = spec;
        this.container = container;
        this.listener = listener;
        this.nanoAnchor = nanoAnchor;
        this.wallAnchor = wallAnchor;
        this.keyframeRequest = keyframeRequest;
        this.counters = counters;
    }

    void addTrack(TrackSpec track) {
        inputs.put(track.slot(), new TrackInput(track, sender));
        trackIds.add(track.trackId());
    }

    void endTrack(int slot) {
        TrackInput input = inputs.get(slot);
        if (input != null) {
            input.flush(this);
        }
    }

    void onPacket(int slot, TrackInput.Packet packet) {
        TrackInput input = inputs.get(slot);
        if (input != null && !finished) {
            long late = input.late + input.malformed;
            long lost = input.lostFrames + input.framesDropped();
            input.onPacket(packet, this);
            counters.latePackets.addAndGet(input.late + input.malformed - late);
            counters.lostFrames.addAndGet(input.lostFrames + input.framesDropped() - lost);
        }
    }

    void onSenderReport(int slot, long ntp, long timestamp, long arrivalNanos) {
        TrackInput input = inputs.get(slot);
        if (input != null) {
            input.onSenderReport(ntp, timestamp, arrivalNanos);
        }
    }

    /** Time passes: frames that waited long enough go out, and the container flushes what is due. */
    void tick(long nowNanos) {
        drain(nowNanos - MAX_HOLD_NANOS);
        if (muxer != null && !failed) {
            try {
                muxer.tick(millis(nowNanos - MAX_HOLD_NANOS));
            } catch (IOException e) {
                fail(e);
            }
            counters.bytes.set(muxer.bytes());
        }
    }

    @Override
    public void frame(Frame frame) {
        interleave.add(frame);
        newestNanos = Math.max(newestNanos, frame.nanos());
        drain(newestNanos - INTERLEAVE_NANOS);
    }

    @Override
    public void keyframeWanted(int slot) {
        counters.keyframeRequests.incrementAndGet();
        keyframeRequest.accept(slot);
    }

    /** Writes everything and the final headers; the file, if any frame ever came. */
    Optional<RecordedFile> finish() {
        if (finished) {
            return Optional.empty();
        }
        inputs.values().forEach(input -> input.flush(this));
        drain(Long.MAX_VALUE);
        finished = true;
        if (muxer == null) {
            return Optional.empty();
        }
        if (!failed) {
            try {
                muxer.finish();
            } catch (IOException e) {
                fail(e);
            }
        }
        counters.bytes.set(muxer.bytes());
        RecordedFile file = describe();
        notify(() -> listener.onFileFinished(file));
        return Optional.of(file);
    }

    /** Stops without finalising, as a killed server would (tests of recovery). */
    void abandon() {
        finished = true;
        if (muxer != null) {
            muxer.abandon();
        }
    }

    Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    private void drain(long upToNanos) {
        while (!interleave.isEmpty() && interleave.peek().nanos() <= upToNanos) {
            write(interleave.poll());
        }
    }

    private void write(Frame frame) {
        if (failed) {
            return;
        }
        try {
            boolean first = muxer == null;
            if (first) {
                open(frame.nanos());
            }
            muxer.write(inputs.get(frame.slot()).spec, millis(frame.nanos()), frame);
            counters.framesWritten.incrementAndGet();
            counters.bytes.set(muxer.bytes());
            if (first) {
                RecordedFile file = describe();
                notify(() -> listener.onFileStarted(file));
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void open(long firstNanos) throws IOException {
        t0 = firstNanos;
        start = wallAnchor.plusNanos(firstNanos - nanoAnchor);
        Files.createDirectories(spec.directory());
        for (int n = 1; ; n++) {
            Path candidate = spec.directory().resolve(baseName + (n == 1 ? "" : "-" + n) + "." + container.extension);
            try {
                FileChannel channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                path = candidate;
                var sink = new FileSink(channel);
                muxer = container == Container.OGG ? new OggOpusMuxer(sink) : new MatroskaMuxer(sink, container, start);
                return;
            } catch (FileAlreadyExistsException e) {
                if (n > 1000) {
                    throw e;
                }
            }
        }
    }

    private long millis(long nanos) {
        return Math.max(0, (nanos - t0) / 1_000_000L);
    }

    private RecordedFile describe() {
        return new RecordedFile(participant, path, container.extension, muxer.codecs(), start,
                start.plusMillis(muxer.durationMs()), muxer.bytes(), muxer.hasVideo(), trackIds);
    }

    private void fail(IOException e) {
        if (!failed) {
            LOG.warn("recording {} stopped: {}", path, e.toString());
            Path where = path != null ? path : spec.directory();
            notify(() -> listener.onWriteError(participant, where, e));
        }
        failed = true;
        counters.writeErrors.incrementAndGet();
        if (muxer != null) {
            muxer.abandon();
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a recording listener failed", e);
        }
    }
}
