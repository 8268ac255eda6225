package dev.parley.telephony.sip;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one thread that owns every transaction, dialog and call of a stack: received messages,
 * timers and API calls all run here, one at a time, so the state machines need no locks and
 * no listener is ever called while one is held (listeners run elsewhere, on each call's
 * {@link SerialExecutor}). A task that throws is counted and the loop goes on.
 */
final class SipLoop implements Executor {

    /** A scheduled task that can be cancelled; cancelling twice or after it ran is fine. */
    interface Timer {
        void cancel();
    }

    private final ScheduledThreadPoolExecutor executor;
    private final LongAdder errors = new LongAdder();
    private volatile Thread thread;

    SipLoop(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Thread.ofPlatform().name(name).daemon().unstarted(r);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException closed) {
            // The stack is closing: late I/O and API calls are dropped, as they would be on a closed socket.
        }
    }

    Timer schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Tasks that threw (bugs); stays zero. */
    long errors() {
        return errors.sum();
    }

    /** Stops accepting work and waits for the running task to end. */
    void shutdown(Duration wait) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isTerminated() {
        return executor.isTerminated();
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | AssertionError e) {
                errors.increment();
                System.getLogger(SipLoop.class.getName()).log(System.Logger.Level.ERROR, "SIP loop task failed", e);
            }
        };
    }
}
