package dev.parley.media.recording;

import dev.parley.media.workers.LanePool;
import java.time.Duration;

/**
 * The threads that write recordings, away from the media loop: a disk that stalls must never
 * hold up media (decision 8). A small shared pool of {@code parley-recorder-N} threads; each
 * file gets a {@link LanePool.Lane}, a serial executor on it, so a file's state is touched by
 * one task at a time, in order, without locks. A lane holds at most {@link #MAX_TASKS} tasks
 * and {@link #MAX_BYTES} bytes of packets: beyond that the loop's packets are dropped and
 * counted rather than let memory grow while a disk is slow.
 */
final class WriterPool extends LanePool {

    static final int MAX_TASKS = 4000;
    static final long MAX_BYTES = 8L << 20;

    WriterPool(int threads) {
        super("parley-recorder-", threads, Duration.ofSeconds(5), "recording");
    }

    /** Two threads: writing is mostly copying into the page cache; more would only contend for the loop's core. */
    static WriterPool forThisMachine() {
        return new WriterPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1)));
    }

    Lane lane() {
        return newLane(MAX_TASKS, MAX_BYTES);
    }

    /** Lanes not yet closed: a leak check for tests. */
    int openLanes() {
        return openLaneCount();
    }
}
