package dev.parley.media.bridge;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that decode, mix and encode for RTP legs, away from the media loop: transcoding
 * a call costs a few hundred microseconds per 20 ms, and on the loop it would delay every other
 * peer's packets (decision 8). A small shared pool of platform threads (the work is CPU, not
 * waiting); each leg gets a {@link Serial} executor on it, so its codec state is touched by one
 * task at a time, in order, without locks.
 */
public final class CodecWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodecWorkers.class);
    /** Tasks a leg may have waiting before new input is dropped: 2 s of 20 ms frames both ways. */
    static final int MAX_BACKLOG = 200;

    private final ExecutorService pool;
    private final AtomicInteger serials = new AtomicInteger();

    /** A pool of {@code threads} workers named {@code parley-codec-N}. */
    public CodecWorkers(int threads) {
        var counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parley-codec-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A new serial executor for one leg. */
    Serial serial() {
        serials.incrementAndGet();
        return new Serial();
    }

    /** Serial executors not yet closed: a leak check for tests. */
    public int openSerials() {
        return serials.get();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one leg's codec tasks one at a time, in submission order, on the shared pool. */
    final class Serial {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private boolean running;
        private boolean closed;

        /** Queues {@code task}; false (counted) when the backlog is full or the executor closed. */
        boolean execute(Runnable task) {
            synchronized (tasks) {
                if (closed || tasks.size() >= MAX_BACKLOG) {
                    dropped.incrementAndGet();
                    return false;
                }
                tasks.add(task);
                if (running) {
                    return true;
                }
                running = true;
            }
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                synchronized (tasks) {
                    running = false;
                    tasks.clear();
                }
                return false;
            }
            return true;
        }

        /** Runs {@code last} after what is queued, then refuses everything. */
        void close(Runnable last) {
            synchronized (tasks) {
                if (closed) {
                    return;
                }
                tasks.add(last);
                closed = true;
                serials.decrementAndGet();
                if (running) {
                    return;
                }
                running = true;
            }
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                last.run(); // the pool is gone (server shutting down): release here
            }
        }

        long dropped() {
            return dropped.get();
        }

        long failed() {
            return failed.get();
        }

        private void drain() {
            while (true) {
                Runnable task;
                synchronized (tasks) {
                    task = tasks.poll();
                    if (task == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warn("a codec task failed", e);
                }
            }
        }
    }
}
