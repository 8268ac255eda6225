package dev.parley.platform.ddr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued status reports to each account's status URL until it answers 2xx, waiting
 * longer after each failure ({@link DynamicDestinationSettings#retryDelay}). A loop on a
 * virtual thread looks for due reports every poll interval, or at once when woken; each
 * delivery runs on its own virtual thread, at most a fixed number at a time, so a dead URL
 * holds up nothing but its own reports. All time comes from the clock, so tests move it
 * instead of sleeping through the back-off.
 */
final class StatusDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusDelivery.class);
    /** A claimed report is left alone this much longer than its delivery may take. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final StatusOutbox outbox;
    private final DynamicDestinationConfigs configs;
    private final CallbackClient client;
    private final DynamicDestinationSettings settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Semaphore permits;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;

    StatusDelivery(StatusOutbox outbox, DynamicDestinationConfigs configs, CallbackClient client,
                   DynamicDestinationSettings settings, Clock clock, ExecutorService executor) {
        this.outbox = outbox;
        this.configs = configs;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.permits = new Semaphore(settings.maxConcurrentDeliveries());
    }

    synchronized void start() {
        if (loop == null) {
            running = true;
            loop = Thread.ofVirtual().name("parley-ddr-status").start(this::run);
        }
    }

    /** Looks for due reports now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Starts the deliveries that are due and waits for them; returns how many were attempted. */
    int deliverDue() {
        List<CompletableFuture<Void>> started = startDue();
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        return started.size();
    }

    private void run() {
        while (running) {
            try {
                startDue();
            } catch (RuntimeException e) {
                LOG.warn("looking for status reports to deliver failed; trying again", e);
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(settings.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    private List<CompletableFuture<Void>> startDue() {
        Instant now = clock.instant();
        var started = new ArrayList<CompletableFuture<Void>>();
        for (StatusOutbox.Pending pending : outbox.due(now, settings.maxConcurrentDeliveries())) {
            if (!permits.tryAcquire()) {
                break; // the rest wait for the next round
            }
            if (!outbox.claim(pending, now, now.plus(settings.statusTimeout()).plus(LEASE_MARGIN))) {
                permits.release();
                continue;
            }
            var claimed = new StatusOutbox.Pending(pending.id(), pending.accountId(), pending.report(),
                    pending.attempts() + 1, pending.createdAt());
            CompletableFuture<Void> delivery = CompletableFuture.runAsync(() -> deliver(claimed), executor);
            inFlight.add(delivery);
            delivery.whenComplete((ignored, error) -> {
                permits.release();
                inFlight.remove(delivery);
            });
            started.add(delivery);
        }
        return started;
    }

    private void deliver(StatusOutbox.Pending pending) {
        try {
            var config = configs.find(pending.accountId());
            if (config.isEmpty() || config.get().statusUrl().isEmpty()) {
                LOG.info("dropping status report {} of account {}: no status URL any more", pending.id(),
                        pending.accountId());
                outbox.remove(pending.id());
                return;
            }
            var answer = client.post(config.get().statusUrl().get(), config.get().authorization(),
                    body(pending.report()), settings.statusTimeout()).join();
            if (answer instanceof CallbackClient.Answer.Answered a && a.is2xx()) {
                outbox.remove(pending.id());
                return;
            }
            failed(pending, describe(answer));
        } catch (RuntimeException e) {
            // The row stays claimed until its lease ends, then it is tried again.
            LOG.warn("delivering status report {} failed", pending.id(), e);
        }
    }

    private void failed(StatusOutbox.Pending pending, String error) {
        Instant now = clock.instant();
        boolean tooOld = now.isAfter(pending.createdAt().plus(settings.maxAge()));
        if (pending.attempts() >= settings.maxAttempts() || tooOld) {
            LOG.warn("giving up on status report {} of account {} (call {}) after {} attempts: {}", pending.id(),
                    pending.accountId(), pending.report().callId(), pending.attempts(), error);
            outbox.remove(pending.id());
            return;
        }
        outbox.retryAt(pending.id(), now.plus(settings.retryDelay(pending.attempts())), error);
    }

    private static String describe(CallbackClient.Answer answer) {
        return switch (answer) {
            case CallbackClient.Answer.Answered a -> "answered " + a.status();
            case CallbackClient.Answer.TooLarge t -> "answered with more than " + t.limit() + " bytes";
            case CallbackClient.Answer.Unreachable u -> u.why();
        };
    }

    private byte[] body(StatusReport report) {
        var json = new LinkedHashMap<String, Object>();
        json.put("callId", report.callId());
        json.put("source", report.source());
        json.put("destination", report.destination());
        json.put("status", report.status().wireName());
        json.put("duration", report.duration().toSeconds());
        try {
            return mapper.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    /** Stops looking for reports and waits briefly for deliveries in flight. */
    @Override
    public void close() {
        running = false;
        wake();
        Thread current;
        synchronized (this) {
            current = loop;
        }
        if (current != null) {
            try {
                current.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(settings.statusTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Unfinished deliveries stay claimed and are tried again after their lease.
        }
    }
}
