package dev.parley.platform.telephony;

/** Where calls to a phone number go, and the field of the API that names the target. */
public enum InboundType {
    /** An end user of the account's apps: {@code identity}. */
    WEBRTC("identity"),
    /** A room of the account: {@code room}. */
    ROOM("room"),
    /** A SIP endpoint reached through one of the account's trunks: {@code sipUri}. */
    SIP("sipUri"),
    /** Another phone number, through a trunk: {@code phoneNumber}. */
    PHONE("phoneNumber"),
    /** Asks the account's dynamic destination callback for each call; no target. */
    DYNAMIC("");

    private final String targetField;

    InboundType(String targetField) {
        this.targetField = targetField;
    }

    /** The API field naming the target; empty for {@link #DYNAMIC}. */
    public String targetField() {
        return targetField;
    }
}
