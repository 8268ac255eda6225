package dev.parley.telephony.sip;

/** Periodic OPTIONS to a peer (see {@link SipStack#keepAlive}); closing stops it. */
public interface KeepAlive extends AutoCloseable {

    /** Whether the last probe got any response from the peer; false before the first. */
    boolean reachable();

    @Override
    void close();
}
