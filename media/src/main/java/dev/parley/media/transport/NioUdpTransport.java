package dev.parley.media.transport;

import dev.parley.media.loop.MediaLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portable transport: a non-blocking {@link DatagramChannel} read by the media loop until
 * it is empty. One system call per datagram each way; see {@code BatchedUdpTransport} for
 * the batched one.
 */
public final class NioUdpTransport implements UdpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(NioUdpTransport.class);
    private static final int MAX_DATAGRAM = 2048;
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

    private final DatagramChannel channel;
    private final PacketSink sink;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final byte[] receiveArray = new byte[MAX_DATAGRAM];
    private final TransportCounters counters = new TransportCounters();
    private final ThreadLocal<ByteBuffer> sendBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_DATAGRAM));

    private NioUdpTransport(DatagramChannel channel, PacketSink sink) {
        this.channel = channel;
        this.sink = sink;
    }

    /** Binds {@code bind} and starts reading on {@code loop}. */
    public static NioUdpTransport open(MediaLoop loop, InetSocketAddress bind, PacketSink sink) {
        DatagramChannel channel = bindChannel(bind);
        var transport = new NioUdpTransport(channel, sink);
        loop.call(() -> {
            loop.register(channel, transport::drain);
            return null;
        }).join();
        return transport;
    }

    /** The media socket, bound, with large buffers: both transports start from it. */
    static DatagramChannel bindChannel(InetSocketAddress bind) {
        DatagramChannel channel;
        try {
            channel = DatagramChannel.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the media socket: " + e.getMessage(), e);
        }
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(bind);
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot bind the media port " + bind + ": " + e.getMessage(), e);
        }
    }

    static int localPort(DatagramChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the media port failed", e);
        }
    }

    @Override
    public TransportKind kind() {
        return TransportKind.NIO;
    }

    @Override
    public int localPort() {
        return localPort(channel);
    }

    @Override
    public void send(byte[] buffer, int offset, int length, InetSocketAddress to) {
        ByteBuffer out = sendBuffers.get();
        out.clear();
        out.put(buffer, offset, length).flip();
        sendCounted(channel, out, to, counters);
    }

    /**
     * Sends the remaining bytes of {@code datagram} as one datagram, counted the way both
     * transports count a send: one call, then a packet out or a failure. Never throws.
     */
    static void sendCounted(DatagramChannel channel, ByteBuffer datagram, InetSocketAddress to,
                            TransportCounters counters) {
        int length = datagram.remaining();
        counters.sendCalls.increment();
        try {
            if (channel.send(datagram, to) == 0) {
                counters.sendFailures.increment(); // socket buffer full: dropped, as the network would
                return;
            }
            counters.packetsOut.increment();
            counters.bytesOut.add(length);
        } catch (IOException e) {
            counters.sendFailures.increment();
            LOG.debug("send to {} failed: {}", to, e.getMessage());
        }
    }

    @Override
    public TransportCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    /** Reads every waiting datagram (called on the loop when the socket is readable). */
    private void drain() throws IOException {
        while (true) {
            receiveBuffer.clear();
            SocketAddress from = channel.receive(receiveBuffer);
            counters.receiveCalls.increment();
            if (from == null) {
                return;
            }
            receiveBuffer.flip();
            int length = receiveBuffer.remaining();
            receiveBuffer.get(receiveArray, 0, length);
            counters.packetsIn.increment();
            counters.bytesIn.add(length);
            sink.onPacket(receiveArray, 0, length, (InetSocketAddress) from);
        }
    }
}
