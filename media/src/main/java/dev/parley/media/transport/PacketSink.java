package dev.parley.media.transport;

import java.net.InetSocketAddress;

/** Receives datagrams on the media loop. The buffer is reused after the call returns: copy what you keep. */
@FunctionalInterface
public interface PacketSink {
    void onPacket(byte[] buffer, int offset, int length, InetSocketAddress from);
}
