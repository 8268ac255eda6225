package dev.parley.platform.calllink;

import java.util.Optional;

/** How the call page looks: a logo and background (ids of the account's images), its texts and colours. */
public record Theme(Optional<String> logoImageId, Optional<String> backgroundImageId, Messages messages, Colors colors) {

    /** The text shown for each state of a link. */
    public record Messages(String welcomeText, String inactiveText, String expirationText) {
        public static final Messages DEFAULTS = new Messages("Welcome", "This link is not active yet",
                "This link has expired");
    }

    /** Hex colours, {@code #RGB} or {@code #RRGGBB}, stored in upper case. */
    public record Colors(String primary, String primaryText, String background) {
        public static final Colors DEFAULTS = new Colors("#0A7CFF", "#FFFFFF", "#F4F6F8");
    }

    public static final Theme DEFAULTS = new Theme(Optional.empty(), Optional.empty(), Messages.DEFAULTS, Colors.DEFAULTS);
}
