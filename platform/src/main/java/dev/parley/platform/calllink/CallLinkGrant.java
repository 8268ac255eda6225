package dev.parley.platform.calllink;

/**
 * What a call-link token may do, for signaling: call this destination. {@code oneTime} is
 * whether a call uses the link up (never for ROOM); {@code active} is whether the link may be
 * used now ({@link LinkState#ACTIVE}). {@code state} says why not when it is not.
 */
public record CallLinkGrant(String linkId, String accountId, Destination destination, boolean oneTime, boolean active,
                            LinkState state) {
}
