package dev.parley.telephony.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

/** SIP over UDP (RFC 3261 §18): one channel; a reader thread hands each datagram on, sends go out directly. */
final class UdpTransport {

    private final DatagramChannel channel;
    private final Counters counters;
    private volatile boolean closed;

    UdpTransport(DatagramChannel channel, IoThreads threads, Counters counters, Inbound inbound) {
        this.channel = channel;
        this.counters = counters;
        threads.start("udp-read", () -> readLoop(inbound));
    }

    static DatagramChannel bind(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(address);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    void send(InetSocketAddress remote, byte[] bytes, Runnable onError) {
        try {
            channel.send(ByteBuffer.wrap(bytes), remote);
        } catch (IOException | RuntimeException e) {
            counters.transportErrors.increment();
            onError.run();
        }
    }

    void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void readLoop(Inbound inbound) {
        ByteBuffer buffer = ByteBuffer.allocate(65_535);
        while (!closed) {
            try {
                buffer.clear();
                var remote = (InetSocketAddress) channel.receive(buffer);
                if (remote == null) {
                    continue;
                }
                byte[] datagram = Arrays.copyOf(buffer.array(), buffer.position());
                if (isKeepAlive(datagram)) {
                    continue;
                }
                inbound.onBytes(datagram, Source.udp(remote));
            } catch (IOException e) {
                if (!closed) {
                    counters.transportErrors.increment();
                }
                if (!channel.isOpen()) {
                    return;
                }
            }
        }
    }

    /** CRLF keep-alives (RFC 5626 §3.5.1 over UDP, as many phones send) and empty datagrams are not messages. */
    private static boolean isKeepAlive(byte[] datagram) {
        for (byte b : datagram) {
            if (b != '\r' && b != '\n' && b != 0) {
                return false;
            }
        }
        return true;
    }
}
