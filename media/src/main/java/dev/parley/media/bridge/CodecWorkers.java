package dev.parley.media.bridge;

import dev.parley.media.workers.LanePool;
import java.time.Duration;

/**
 * The threads that decode, mix and encode for RTP legs, away from the media loop: transcoding
 * a call costs a few hundred microseconds per 20 ms, and on the loop it would delay every other
 * peer's packets (decision 8). A small shared pool of platform threads (the work is CPU, not
 * waiting); each leg gets a {@link LanePool.Lane} on it, so its codec state is touched by one
 * task at a time, in order, without locks.
 */
public final class CodecWorkers extends LanePool {

    /** Tasks a leg may have waiting before new input is dropped: 2 s of 20 ms frames both ways. */
    static final int MAX_BACKLOG = 200;

    /** A pool of {@code threads} workers named {@code parley-codec-N}. */
    public CodecWorkers(int threads) {
        super("parley-codec-", threads, Duration.ofSeconds(2), "codec");
    }

    /** A new serial executor for one leg; its backlog is bounded by task count only. */
    Lane serial() {
        return newLane(MAX_BACKLOG, Long.MAX_VALUE);
    }

    /** Serial executors not yet closed: a leak check for tests. */
    public int openSerials() {
        return openLaneCount();
    }
}
