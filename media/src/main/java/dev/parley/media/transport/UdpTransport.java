package dev.parley.media.transport;

import java.net.InetSocketAddress;

/**
 * The one UDP port every peer's media uses. Received datagrams go to a {@link PacketSink} on
 * the media loop; {@link #send} may be called from any thread.
 */
public interface UdpTransport extends AutoCloseable {

    /** Which implementation this is: {@link TransportKind#NIO} or {@link TransportKind#BATCHED}. */
    TransportKind kind();

    int localPort();

    void send(byte[] buffer, int offset, int length, InetSocketAddress to);

    /** Counters for debug state: datagrams and bytes in and out, send failures. */
    TransportCounters counters();

    /**
     * Turns measuring the latency the SFU adds (arrival at the socket to hand-off of what it
     * caused) on or off. Returns false when this transport cannot measure; only the batched
     * one can.
     */
    default boolean measureLatency(boolean on) {
        return false;
    }

    /** What was measured since the last {@link #resetLatency}; {@link TransportLatency#NONE} if nothing. */
    default TransportLatency latency() {
        return TransportLatency.NONE;
    }

    /** Forgets the samples so far; datagrams that arrived before now will not be sampled. */
    default void resetLatency() {
    }

    @Override
    void close();
}
