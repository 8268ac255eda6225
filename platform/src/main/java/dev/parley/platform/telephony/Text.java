package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;

/** Free text fields: present, not blank, bounded, no control characters. */
final class Text {

    private Text() {
    }

    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    static String require(String field, String text, int maxLength) {
        if (text == null) {
            throw new InvalidInput(field, "is required");
        }
        if (text.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidInput(field, "must be at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(field, "must not contain control characters");
        }
        return text;
    }
}
