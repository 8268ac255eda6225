package dev.parley.platform.ddr;

import java.time.Duration;

/**
 * Timings and limits of dynamic destination resolving and status reports.
 *
 * @param resolveTimeout         how long the callback URL has to answer a routing question,
 *                               connection included (default 5 s); past it the call fails with
 *                               URL_UNREACHABLE
 * @param statusTimeout          how long the status URL has to answer one delivery (default 5 s)
 * @param firstRetryDelay        the wait after the first failed delivery; each further failure
 *                               doubles it (default 1 s)
 * @param maxRetryDelay          the longest wait between deliveries (default 10 min)
 * @param maxAttempts            deliveries of one report before it is dropped (default 15,
 *                               about an hour of trying with the defaults above)
 * @param maxAge                 a report older than this is dropped after its next failure
 *                               (default 24 h)
 * @param pollInterval           how often the delivery loop looks for reports that are due
 *                               (default 1 s); a new report is tried at once
 * @param maxConcurrentDeliveries status deliveries in flight at once, over all accounts
 *                               (default 32)
 * @param maxResponseBytes       the largest callback answer read (default 65536); a larger one
 *                               is INVALID_RESPONSE
 */
public record DynamicDestinationSettings(Duration resolveTimeout, Duration statusTimeout, Duration firstRetryDelay,
                                         Duration maxRetryDelay, int maxAttempts, Duration maxAge,
                                         Duration pollInterval, int maxConcurrentDeliveries, int maxResponseBytes) {

    public DynamicDestinationSettings {
        for (Duration d : new Duration[] {resolveTimeout, statusTimeout, firstRetryDelay, maxRetryDelay, maxAge,
                pollInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("maxRetryDelay must not be shorter than firstRetryDelay");
        }
        if (maxAttempts < 1 || maxConcurrentDeliveries < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxAttempts, maxConcurrentDeliveries and maxResponseBytes must be positive");
        }
    }

    public static DynamicDestinationSettings defaults() {
        return new DynamicDestinationSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMinutes(10), 15, Duration.ofHours(24), Duration.ofSeconds(1), 32, 64 * 1024);
    }

    public DynamicDestinationSettings withResolveTimeout(Duration timeout) {
        return new DynamicDestinationSettings(timeout, statusTimeout, firstRetryDelay, maxRetryDelay, maxAttempts,
                maxAge, pollInterval, maxConcurrentDeliveries, maxResponseBytes);
    }

    public DynamicDestinationSettings withStatusTimeout(Duration timeout) {
        return new DynamicDestinationSettings(resolveTimeout, timeout, firstRetryDelay, maxRetryDelay, maxAttempts,
                maxAge, pollInterval, maxConcurrentDeliveries, maxResponseBytes);
    }

    public DynamicDestinationSettings withRetries(Duration first, Duration max, int attempts, Duration age) {
        return new DynamicDestinationSettings(resolveTimeout, statusTimeout, first, max, attempts, age, pollInterval,
                maxConcurrentDeliveries, maxResponseBytes);
    }

    public DynamicDestinationSettings withPollInterval(Duration interval) {
        return new DynamicDestinationSettings(resolveTimeout, statusTimeout, firstRetryDelay, maxRetryDelay,
                maxAttempts, maxAge, interval, maxConcurrentDeliveries, maxResponseBytes);
    }

    /** The wait after the {@code attempts}-th failed delivery: doubling from the first delay, capped. */
    public Duration retryDelay(int attempts) {
        int doublings = Math.min(Math.max(0, attempts - 1), 30);
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
