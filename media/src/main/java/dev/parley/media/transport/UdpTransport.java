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

    @Override
    void close();
}
