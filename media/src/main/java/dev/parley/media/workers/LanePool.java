package dev.parley.media.workers;

import java.time.Duration;
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
 * A small shared pool of daemon platform threads, and {@link Lane}s on it: serial executors
 * that run their tasks one at a time, in submission order, so the state a lane's tasks touch
 * needs no locks. A lane holds a bounded backlog (tasks and bytes): when whoever feeds it (the
 * media loop) is faster than the pool, new tasks are refused rather than let memory grow.
 * Subclasses choose the thread names, the limits and how long closing waits.
 */
public abstract class LanePool implements AutoCloseable {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final ExecutorService pool;
    private final Duration closeWait;
    private final String work;
    private final AtomicInteger openLanes = new AtomicInteger();

    /**
     * {@code threads} workers named {@code threadPrefix + N}; {@code work} names the tasks in
     * the log line a failing one leaves; {@link #close} waits {@code closeWait} for them.
     */
    protected LanePool(String threadPrefix, int threads, Duration closeWait, String work) {
        var counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadPrefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.closeWait = closeWait;
        this.work = work;
    }

    /** A new lane that refuses tasks beyond {@code maxTasks} waiting or {@code maxBytes} of their data. */
    protected final Lane newLane(int maxTasks, long maxBytes) {
        openLanes.incrementAndGet();
        return new Lane(maxTasks, maxBytes);
    }

    /** Lanes not yet closed: a leak check for tests. */
    protected final int openLaneCount() {
        return openLanes.get();
    }

    /** Stops the threads after what is queued, waiting at most the close wait before interrupting them. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One user's tasks, one at a time, in submission order, on the shared threads. */
    public final class Lane {
        private final int maxTasks;
        private final long maxBytes;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private long queuedBytes;
        private boolean running;
        private boolean closed;

        private Lane(int maxTasks, long maxBytes) {
            this.maxTasks = maxTasks;
            this.maxBytes = maxBytes;
        }

        /** Queues {@code task}; false (counted) when the backlog is full or the lane closed. */
        public boolean execute(Runnable task) {
            return execute(task, 0);
        }

        /** Queues {@code task} carrying {@code bytes} of data; false (counted) when the lane is full or closed. */
        public boolean execute(Runnable task, int bytes) {
            synchronized (tasks) {
                if (closed || tasks.size() >= maxTasks || queuedBytes + bytes > maxBytes) {
                    dropped.incrementAndGet();
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
        public void close(Runnable last) {
            synchronized (tasks) {
                if (closed) {
                    return;
                }
                tasks.add(last);
                sizes.add(0);
                closed = true;
                openLanes.decrementAndGet();
                if (running) {
                    return;
                }
                running = true;
            }
            if (!submit()) {
                last.run(); // the pool is gone (the server is stopping): finish here
            }
        }

        /** Tasks refused because the lane was full or closed. */
        public long dropped() {
            return dropped.get();
        }

        /** Tasks that threw. */
        public long failed() {
            return failed.get();
        }

        public long queuedBytes() {
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
                    failed.incrementAndGet();
                    log.warn("a {} task failed", work, e);
                }
            }
        }
    }
}
