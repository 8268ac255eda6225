package dev.parley.platform.calllink;

/** What a link allows at a moment: a call, not yet or not now, or never again. */
public enum LinkState {
    ACTIVE, INACTIVE, EXPIRED
}
