package dev.parley.platform.common;

import java.util.List;

/**
 * Input from outside (an API request, a command-line argument) that cannot be accepted.
 * Each violation names the field at fault; the HTTP edge turns this into a 400 problem.
 */
public final class InvalidInput extends RuntimeException {

    /** One field and what is wrong with it. */
    public record Violation(String field, String reason) {
    }

    private final List<Violation> violations;

    public InvalidInput(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public InvalidInput(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        var text = new StringBuilder();
        for (Violation v : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(v.field()).append(": ").append(v.reason());
        }
        return text.toString();
    }
}
