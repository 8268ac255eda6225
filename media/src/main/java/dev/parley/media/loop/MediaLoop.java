package dev.parley.media.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media event loop: one platform thread that owns every endpoint, track and subscription
 * of the SFU. Packets, control calls and timers all run on it, one at a time, so media state
 * needs no locks and no listener is ever called under one (the livekit ops-queue idea, taken
 * to the whole media plane). Other threads hand work in with {@link #execute} or
 * {@link #call}; the loop wakes its selector for them.
 *
 * <p>Each iteration reads what is ready, runs queued tasks, then due timers, then the
 * {@linkplain #onIterationEnd end-of-iteration hooks}: that is where batched output is
 * flushed, so a packet waits at most one iteration before it leaves.
 *
 * <p>One loop uses about one core. More cores would mean several loops with endpoints spread
 * over them; the API (everything goes through {@link #execute}) leaves room for that.
 */
public final class MediaLoop implements AutoCloseable {

    /** Something that reads from a registered channel when it is ready. */
    public interface ReadHandler {
        void onReadable() throws IOException;
    }

    private record Timer(long dueNanos, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MediaLoop.class);

    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Runnable> iterationEndHooks = new ArrayList<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;
    private long timerSequence;

    public MediaLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
        this.thread.setPriority(Thread.MAX_PRIORITY);
        this.thread.start();
    }

    /** Registers {@code channel} for reads; must be called on the loop. */
    public void register(java.nio.channels.SelectableChannel channel, ReadHandler handler) {
        assertOnLoop();
        try {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register a channel", e);
        }
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public void assertOnLoop() {
        if (!inLoop()) {
            throw new IllegalStateException("media state touched outside the media loop");
        }
    }

    /** Runs {@code task} on the loop soon; from the loop itself it runs after the current work. */
    public void execute(Runnable task) {
        if (!running) {
            return;
        }
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code work} on the loop and returns its result to the calling thread. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        var result = new CompletableFuture<T>();
        execute(new Call<>(work, result));
        if (!running) {
            result.completeExceptionally(new IllegalStateException("the media loop is stopped"));
        }
        return result;
    }

    /** A task whose caller waits: when the loop stops before running it, the caller is told so. */
    private record Call<T>(Supplier<T> work, CompletableFuture<T> result) implements Runnable {
        @Override
        public void run() {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        void abandon() {
            result.completeExceptionally(new IllegalStateException("the media loop stopped"));
        }
    }

    /** Runs {@code task} on the loop after {@code delayNanos}; must be called on the loop. */
    public void schedule(long delayNanos, Runnable task) {
        assertOnLoop();
        timers.add(new Timer(System.nanoTime() + delayNanos, timerSequence++, task));
    }

    /**
     * Runs {@code hook} at the end of every iteration, after ready channels, tasks and due
     * timers, before the loop waits again; must be called on the loop.
     */
    public void onIterationEnd(Runnable hook) {
        assertOnLoop();
        iterationEndHooks.add(hook);
    }

    /** Stops running a hook added with {@link #onIterationEnd}; must be called on the loop. */
    public void removeIterationEndHook(Runnable hook) {
        assertOnLoop();
        iterationEndHooks.remove(hook);
    }

    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            selector.wakeup();
        }
        if (!inLoop()) {
            awaitThreadEnd();
        }
    }

    private void awaitThreadEnd() {
        stopped.join();
        // The thread completes `stopped` in its last lines; wait for it to be gone too, so that
        // whoever checks for leftover threads after close() finds none.
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the loop thread has ended. */
    public boolean isStopped() {
        return stopped.isDone();
    }

    private void run() {
        try {
            while (running) {
                long waitMillis = millisToNextTimer();
                if (waitMillis == 0 || !tasks.isEmpty()) {
                    selector.selectNow(this::onReady);
                } else {
                    selector.select(this::onReady, waitMillis);
                }
                wakeupPending.set(false);
                runTasks();
                runDueTimers();
                runIterationEndHooks();
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.error("the media loop failed", e);
        } finally {
            // Also when the loop failed: later execute() calls are refused, and whoever waits
            // on a call() that will never run hears so instead of waiting forever.
            running = false;
            try {
                selector.close();
            } catch (IOException e) {
                LOG.warn("closing the media selector failed", e);
            }
            for (Runnable task; (task = tasks.poll()) != null; ) {
                if (task instanceof Call<?> call) {
                    call.abandon();
                }
            }
            timers.clear();
            iterationEndHooks.clear();
            stopped.complete(null);
        }
    }

    private void onReady(SelectionKey key) {
        try {
            ((ReadHandler) key.attachment()).onReadable();
        } catch (IOException | RuntimeException e) {
            LOG.warn("reading from {} failed", key.channel(), e);
        }
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            runSafely(task);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().dueNanos() - now <= 0) {
            runSafely(timers.poll().task());
        }
    }

    private void runIterationEndHooks() {
        // Indexed, not an iterator, and no copy per iteration: removing a hook from a hook
        // cannot throw, at worst the next hook waits one iteration.
        for (int i = 0; i < iterationEndHooks.size(); i++) {
            runSafely(iterationEndHooks.get(i));
        }
    }

    private long millisToNextTimer() {
        if (timers.isEmpty()) {
            return 1000;
        }
        long nanos = timers.peek().dueNanos() - System.nanoTime();
        return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("a media task failed", e);
        }
    }
}
