package dev.parley.platform.ddr;

/** How a dynamically routed call ended, by its wire name in status reports. */
public enum CallStatus {
    FINISHED("finished"),
    FAILED("failed");

    private final String wireName;

    CallStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
