package dev.parley.telephony.sip;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The stack's blocking I/O threads (virtual): started by name, counted, and joined on close so none outlives it. */
final class IoThreads {

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final String prefix;

    IoThreads(String prefix) {
        this.prefix = prefix;
    }

    void start(String name, Runnable body) {
        Thread thread = Thread.ofVirtual().name(prefix + name).unstarted(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        thread.start();
    }

    int live() {
        return threads.size();
    }

    /** Waits for every thread to end (their channels are closed by then), at most {@code wait} in all. */
    void join(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread thread : Set.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
