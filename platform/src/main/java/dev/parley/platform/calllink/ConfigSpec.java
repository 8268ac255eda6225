package dev.parley.platform.calllink;

import dev.parley.platform.telephony.Violations;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A configuration as a client asks for it (POST, or PUT which replaces everything). {@code
 * makeDefault} empty means "do not change" on PUT and "only if it is the first" on POST.
 * The compact constructor checks what needs no database; image ids are checked by the
 * service against the account's images.
 */
public record ConfigSpec(String name, Optional<Boolean> makeDefault, InitialOptions initialOptions,
                         CallOptions callOptions, Theme theme) {

    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 500;
    private static final Pattern COLOR = Pattern.compile("^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$");

    public ConfigSpec {
        var violations = new Violations();
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
            violations.add("name", "must be 1 to " + MAX_NAME + " characters");
        } else if (Texts.hasControl(name, false)) {
            violations.add("name", "must not contain control characters");
        }
        var m = theme.messages();
        text(violations, "theme.messages.welcomeText", m.welcomeText());
        text(violations, "theme.messages.inactiveText", m.inactiveText());
        text(violations, "theme.messages.expirationText", m.expirationText());
        var c = theme.colors();
        color(violations, "theme.colors.primary", c.primary());
        color(violations, "theme.colors.primaryText", c.primaryText());
        color(violations, "theme.colors.background", c.background());
        violations.throwIfAny();
        theme = new Theme(theme.logoImageId(), theme.backgroundImageId(), m, new Theme.Colors(
                c.primary().toUpperCase(Locale.ROOT), c.primaryText().toUpperCase(Locale.ROOT),
                c.background().toUpperCase(Locale.ROOT)));
    }

    /** Texts may hold line breaks (the page shows them) but no other control characters. */
    private static void text(Violations violations, String field, String text) {
        if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > MAX_TEXT) {
            violations.add(field, "must be 1 to " + MAX_TEXT + " characters and not blank");
        } else if (Texts.hasControl(text, true)) {
            violations.add(field, "must not contain control characters other than line breaks");
        }
    }

    private static void color(Violations violations, String field, String color) {
        if (color == null || !COLOR.matcher(color).matches()) {
            violations.add(field, "must be a hex colour, #RGB or #RRGGBB");
        }
    }
}
