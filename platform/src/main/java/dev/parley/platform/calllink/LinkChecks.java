package dev.parley.platform.calllink;

import dev.parley.platform.telephony.E164;
import dev.parley.platform.telephony.InboundDestination;
import dev.parley.platform.telephony.Violations;
import dev.parley.platform.token.IdentityTokenRequest;
import java.util.Map;

/** The checks of a link request that need no database, each naming its field. */
final class LinkChecks {

    static final int MAX_CUSTOM_ENTRIES = 20;
    static final int MAX_CUSTOM_KEY = 50;
    static final int MAX_CUSTOM_VALUE = 500;
    /** The column's size: what the entries take as JSON, escapes included. */
    static final int MAX_CUSTOM_JSON = 8000;
    private static final String IDENTITY_RULE = "must be 3 to 64 letters, digits or the characters _ . - + = /";

    private LinkChecks() {
    }

    static void check(LinkSpec spec, Violations violations) {
        spec.identity().ifPresent(identity -> {
            if (!IdentityTokenRequest.IDENTITY.matcher(identity).matches()) {
                violations.add("identity", IDENTITY_RULE);
            } else if (spec.destination().type() == Destination.Type.ROOM) {
                violations.add("identity", "must not be set for a ROOM destination: everyone who opens a room link"
                        + " gets an identity of their own");
            }
        });
        spec.displayName().ifPresent(name -> {
            if (name.isBlank() || Texts.length(name) > IdentityTokenRequest.MAX_DISPLAY_NAME
                    || Texts.hasControl(name, false)) {
                violations.add("displayName", "must be 1 to " + IdentityTokenRequest.MAX_DISPLAY_NAME
                        + " characters, not blank, without control characters");
            }
        });
        customData(spec.customData(), violations);
        switch (spec.destination()) {
            case Destination.Webrtc w -> {
                if (w.identity() == null || !IdentityTokenRequest.IDENTITY.matcher(w.identity()).matches()) {
                    violations.add("destination.identity", IDENTITY_RULE);
                }
            }
            case Destination.Phone p -> {
                if (!E164.isValid(p.phoneNumber())) {
                    violations.add("destination.phoneNumber", E164.RULE);
                }
                if (!E164.isValid(p.from())) {
                    violations.add("destination.from", E164.RULE);
                }
            }
            case Destination.Room r -> {
                if (r.roomName() == null || !InboundDestination.ROOM.matcher(r.roomName()).matches()) {
                    violations.add("destination.roomName", "must be 3 to 250 letters, digits or the characters _ . - + =");
                }
            }
        }
    }

    private static void customData(Map<String, String> data, Violations violations) {
        if (data.size() > MAX_CUSTOM_ENTRIES) {
            violations.add("customData", "may hold at most " + MAX_CUSTOM_ENTRIES + " entries");
            return;
        }
        if (LinkRows.json(data).length() > MAX_CUSTOM_JSON) {
            violations.add("customData", "must take at most " + MAX_CUSTOM_JSON + " characters as JSON");
            return;
        }
        data.forEach((key, value) -> {
            if (key.isEmpty() || Texts.length(key) > MAX_CUSTOM_KEY || Texts.hasControl(key, false)) {
                violations.add("customData", "keys must be 1 to " + MAX_CUSTOM_KEY
                        + " characters without control characters");
            } else if (Texts.length(value) > MAX_CUSTOM_VALUE) {
                violations.add("customData." + key, "must be at most " + MAX_CUSTOM_VALUE + " characters");
            }
        });
    }
}
