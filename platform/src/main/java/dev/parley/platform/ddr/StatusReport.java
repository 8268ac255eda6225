package dev.parley.platform.ddr;

import dev.parley.platform.common.InvalidInput;
import java.time.Duration;

/**
 * How a dynamically routed call ended, for the account's status URL. Sent as
 * {@code {"callId", "source", "destination", "status": "finished"|"failed", "duration"}} with
 * the duration in whole seconds.
 */
public record StatusReport(String callId, String source, String destination, CallStatus status, Duration duration) {

    static final int MAX_CALL_ID = 64;
    static final int MAX_PARTY = 256;

    public StatusReport {
        if (callId == null || callId.isBlank() || callId.length() > MAX_CALL_ID) {
            throw new InvalidInput("callId", "must be 1 to " + MAX_CALL_ID + " characters");
        }
        if (source == null || source.isEmpty() || source.length() > MAX_PARTY) {
            throw new InvalidInput("source", "must be 1 to " + MAX_PARTY + " characters");
        }
        if (destination == null || destination.isEmpty() || destination.length() > MAX_PARTY) {
            throw new InvalidInput("destination", "must be 1 to " + MAX_PARTY + " characters");
        }
        if (status == null) {
            throw new InvalidInput("status", "is required");
        }
        if (duration == null || duration.isNegative()) {
            throw new InvalidInput("duration", "must be zero or more");
        }
    }
}
