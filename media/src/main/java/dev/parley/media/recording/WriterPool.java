package dev.parley.media.recording;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write recordings, away from the media loop: a disk that stalls must never
 * hold up media (decision 8). A small shared pool of {@code parley-recorder-N} threads; each
 * file gets a {@link Lane}, a serial executor on it, so a file's state is touched by one task
 * at a time, in order, without locks. A lane holds at most {@link #MAX_TASKS} tasks and
 * {@link #MAX_BYTES} bytes of packets: beyond that the loop's packets are dropped and counted
 * rather than let memory grow while a disk is slow.
 */
final class WriterPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriterPool.class);
    static final int MAX_TASKS = 4000;
    static final long MAX_BYTES = 8L << 20;

    private final ExecutorService pool;
    private final AtomicInteger lanes = new AtomicInteger();

    WriterPool(int threads) {
        var counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parley-recorder-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Two threads: writing is mostly copying into the page cache; more would only contend for the loop's core. */
    static WriterPool forThisMachine() {
        return new WriterPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1)));
    }

    Lane lane() {
        lanes.incrementAndGet();
        return new Lane();
    }

    /** Lanes not yet closed: a leak check for tests. */
    int openLanes() {
        return lanes.get();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One file's tasks, one at a time, in submission order. */
    final class Lane {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
        private long queuedBytes;
        private boolean running;
        private boolean closed;

        /** Queues {@code task} carrying {@code bytes} of data; false when the lane is full or closed. */
        boolean execute(Runnable task, int bytes) {
            synchronized (tasks) {
                if (closed || tasks.size() >= MAX_TASKS || queuedBytes + bytes > MAX_BYTES) {
                    return false;
                }
                tasks.add(task);
                sizes.add(bytes);
                queuedBytes += bytes;
                if (running) {
                    return true;
                }
                running = true;
            }
            return submit();
        }

        /** Runs {@code last} after what is queued (even when full), then refuses everything. */
        void close(Runnable last) {
            synchronized (tasks) {
                if (closed) {
                    return;
                }
                tasks.add(last);
                sizes.add(0);
                closed = true;
                lanes.decrementAndGet();
                if (running) {
                    return;
                }
                running = true;
            }
            if (!submit()) {
                last.run(); // the pool is gone (the server is stopping): finish here
            }
        }

        long queuedBytes() {
            synchronized (tasks) {
                return queuedBytes;
            }
        }

        private boolean submit() {
            try {
                pool.execute(this::drain);
                return true;
            } catch (RejectedExecutionException e) {
                synchronized (tasks) {
                    running = false;
                    tasks.clear();
                    sizes.clear();
                    queuedBytes = 0;
                }
                return false;
            }
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
                    queuedBytes -= sizes.poll();
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("a recording task failed", e);
                }
            }
        }
    }
}
