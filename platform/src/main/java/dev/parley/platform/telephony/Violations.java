package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every field at fault before failing, so one answer names them all instead of
 * making the caller fix one field per round trip.
 */
public final class Violations {

    private final List<InvalidInput.Violation> found = new ArrayList<>();

    public void add(String field, String reason) {
        found.add(new InvalidInput.Violation(field, reason));
    }

    /** Runs {@code check}, keeping what it finds wrong instead of stopping. */
    public void collect(Runnable check) {
        try {
            check.run();
        } catch (InvalidInput e) {
            found.addAll(e.violations());
        }
    }

    /** The value {@code check} gives, or empty when it finds the input wrong (which is kept). */
    public <T> Optional<T> check(Supplier<T> check) {
        try {
            return Optional.of(check.get());
        } catch (InvalidInput e) {
            found.addAll(e.violations());
            return Optional.empty();
        }
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
