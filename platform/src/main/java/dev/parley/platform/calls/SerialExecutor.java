package dev.parley.platform.calls;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in order, on a shared executor: each call and room owns one, so
 * its state needs no locks and no listener ever runs under one (DESIGN.md, livekit's ops queue).
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            try {
                delegate.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            for (Runnable task; (task = tasks.poll()) != null; ) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("a call or room task failed", e);
                }
            }
        } finally {
            running.set(false);
            // A task added between the last poll and the reset above would otherwise wait.
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
