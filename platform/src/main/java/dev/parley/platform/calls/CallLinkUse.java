package dev.parley.platform.calls;

/**
 * What a call placed through a call link tells the links once it is established: a one-time
 * link is used up by a call that actually starts, not by opening the page. Blocking (database);
 * called on a worker, never on a conversation's executor.
 */
@FunctionalInterface
public interface CallLinkUse {

    /**
     * Records that a call through {@code linkId} started. False when the link may not carry it
     * (a one-time link another call used up first, or a link deleted meanwhile): the call ends.
     */
    boolean established(String accountId, String linkId);
}
