package dev.parley.platform.ddr;

import java.util.Optional;

/** What the callback told Parley to do with a call, by its wire name. */
public enum RouteAction {
    /** Ring an end user of the account's apps: the destination is an identity. */
    CALL("call"),
    /** Call a phone number through a trunk: the destination is E.164. */
    CALL_PHONE_NUMBER("call_phone_number");

    private final String wireName;

    RouteAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<RouteAction> fromWire(String text) {
        for (RouteAction action : values()) {
            if (action.wireName.equals(text)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
