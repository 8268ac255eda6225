package dev.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.loop.MediaLoop;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-SFU latency measurement: a sink that forwards like the SFU, over IPv4 loopback. */
class BatchedUdpTransportLatencyTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Copies per received datagram: 30 x 3 exceeds a batch, so some dispatches span a full-batch flush. */
    private static final int FANOUT = 3;
    private static final int PACKETS = 30;
    private static final long BOUND_NANOS = 1_000_000_000L;

    private final MediaLoop loop = new MediaLoop("parley-media-test");
    private final AtomicReference<InetSocketAddress> forwardTo = new AtomicReference<>();
    private BatchedUdpTransport transport;
    private DatagramSocket publisher;
    private DatagramSocket subscriber;

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        loop.close();
    }

    private void open() throws Exception {
        BatchedUdpTransport[] self = new BatchedUdpTransport[1];
        transport = BatchedUdpTransport.open(loop, new InetSocketAddress(LOOPBACK, 0), (b, off, len, from) -> {
            for (int i = 0; i < FANOUT; i++) {
                self[0].send(b, off, len, forwardTo.get());
            }
        });
        self[0] = transport;
        publisher = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        subscriber = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        subscriber.setReceiveBufferSize(1 << 20);
        subscriber.setSoTimeout(5000);
        forwardTo.set((InetSocketAddress) subscriber.getLocalSocketAddress());
    }

    /** Publishes {@link #PACKETS} datagrams at once and waits for all their copies. */
    private void forwardBurst() throws Exception {
        var server = new InetSocketAddress(LOOPBACK, transport.localPort());
        for (int i = 0; i < PACKETS; i++) {
            publisher.send(new DatagramPacket(new byte[100], 100, server));
        }
        var packet = new DatagramPacket(new byte[2048], 2048);
        for (int i = 0; i < PACKETS * FANOUT; i++) {
            subscriber.receive(packet);
        }
    }

    @Test
    void eachForwardedDatagramGivesOnePositiveBoundedSample() throws Exception {
        open();
        assertTrue(transport.measureLatency(true));
        forwardBurst();
        TransportLatency latency = transport.latency();
        assertEquals(PACKETS, latency.count(), "one sample per received datagram, not per copy: " + latency);
        assertTrue(latency.minNanos() > 0, latency.toString());
        assertTrue(latency.maxNanos() < BOUND_NANOS, latency.toString());
        assertTrue(latency.p50Nanos() <= latency.p99Nanos() && latency.p99Nanos() <= latency.maxNanos(),
                latency.toString());

        // Sends the loop makes on its own (timers, reports) are not caused by a datagram: no sample.
        loop.call(() -> {
            transport.send(new byte[10], 0, 10, forwardTo.get());
            return null;
        }).join();
        subscriber.receive(new DatagramPacket(new byte[2048], 2048));
        assertEquals(PACKETS, transport.latency().count());

        transport.resetLatency();
        assertEquals(0, transport.latency().count());
        forwardBurst();
        assertEquals(PACKETS, transport.latency().count());
    }

    @Test
    void offRecordsNothing() throws Exception {
        open();
        forwardBurst();
        assertEquals(TransportLatency.NONE, transport.latency());

        transport.measureLatency(true);
        transport.measureLatency(false);
        forwardBurst();
        assertEquals(0, transport.latency().count());
        assertEquals(2 * PACKETS * FANOUT, transport.counters().packetsOut(), "and everything still goes out");
    }
}
