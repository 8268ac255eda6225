package dev.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.loop.MediaLoop;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The recvmmsg/sendmmsg transport over IPv4 loopback, against plain Java sockets. */
class BatchedUdpTransportTest {

    private record Received(byte[] bytes, InetSocketAddress from) {
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Datagrams in flight at once: well under any socket buffer, so loopback drops nothing. */
    private static final int WINDOW = 50;

    private final MediaLoop loop = new MediaLoop("parley-media-test");
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
        loop.close();
    }

    private BatchedUdpTransport open() {
        return open(LinuxSyscalls::new);
    }

    private BatchedUdpTransport open(Function<Arena, BatchSyscalls> syscalls) {
        BatchedUdpTransport transport = BatchedUdpTransport.open(loop, new InetSocketAddress(LOOPBACK, 0),
                (b, off, len, from) -> received.add(new Received(Arrays.copyOfRange(b, off, off + len), from)), syscalls);
        closeables.add(transport);
        return transport;
    }

    private DatagramSocket client() throws Exception {
        var socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setReceiveBufferSize(1 << 20);
        socket.setSoTimeout(5000);
        closeables.add(socket);
        return socket;
    }

    private static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (size * 31 + i);
        }
        return bytes;
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        var packet = new DatagramPacket(new byte[70_000], 70_000);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    @Test
    void everySizeFromOneTo1500CrossesBothWaysAndTheCountersAddUp() throws Exception {
        BatchedUdpTransport transport = open();
        DatagramSocket client = client();
        var server = new InetSocketAddress(LOOPBACK, transport.localPort());
        long bytes = 0;
        for (int size = 1; size <= 1500; size++) {
            client.send(new DatagramPacket(payload(size), size, server));
            bytes += size;
            if (size % WINDOW == 0) {
                int expected = size;
                waitUntil(() -> received.size() == expected);
            }
        }
        for (int size = 1; size <= 1500; size++) {
            Received datagram = received.take();
            assertArrayEquals(payload(size), datagram.bytes(), "datagram of " + size + " bytes, in order");
            assertEquals(client.getLocalSocketAddress(), datagram.from());
        }
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        for (int first = 1; first <= 1500; first += WINDOW) {
            int from = first;
            loop.execute(() -> {
                for (int size = from; size < from + WINDOW; size++) {
                    transport.send(payload(size), 0, size, to); // copied now: the array may change after
                }
            });
            for (int size = from; size < from + WINDOW; size++) {
                assertArrayEquals(payload(size), receive(client), "datagram of " + size + " bytes, in order");
            }
        }
        // The loop counts a batch once sendmmsg has returned, which can be after the client
        // already read the last datagram of it.
        waitUntil(() -> transport.counters().packetsOut() == 1500);
        TransportCounters counters = transport.counters();
        assertEquals(1500, counters.packetsIn());
        assertEquals(bytes, counters.bytesIn());
        assertEquals(1500, counters.packetsOut());
        assertEquals(bytes, counters.bytesOut());
        assertEquals(0, counters.sendFailures());
        assertEquals(0, counters.receiveDropped());
        assertTrue(counters.sendCalls() <= 1500 / WINDOW * 2, "batched: " + counters);
        assertEquals(1, transport.cachedAddresses(), "one sender, one address object");
    }

    @Test
    void sendsFromOtherThreadsGoOutDirectly() throws Exception {
        BatchedUdpTransport transport = open();
        DatagramSocket client = client();
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        transport.send(payload(100), 0, 100, to);
        Thread.ofVirtual().start(() -> transport.send(payload(200), 0, 200, to)).join();
        var sizes = List.of(receive(client).length, receive(client).length);
        assertTrue(sizes.containsAll(List.of(100, 200)), sizes.toString());
        assertEquals(2, transport.counters().packetsOut());
    }

    @Test
    void manySendersAreEachRecognised() throws Exception {
        BatchedUdpTransport transport = open();
        var server = new InetSocketAddress(LOOPBACK, transport.localPort());
        var clients = new ArrayList<DatagramSocket>();
        for (int i = 0; i < 300; i++) {
            DatagramSocket client = client();
            clients.add(client);
            client.send(new DatagramPacket(payload(i + 1), i + 1, server));
            if (i % WINDOW == 0) {
                int expected = i + 1;
                waitUntil(() -> received.size() == expected);
            }
        }
        waitUntil(() -> received.size() == clients.size());
        for (DatagramSocket client : clients) {
            Received datagram = received.take();
            assertEquals(client.getLocalSocketAddress(), datagram.from());
        }
        assertEquals(300, transport.cachedAddresses());
    }

    @Test
    void aDualStackPortTalksToIpv4AndIpv6Peers() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        Assumptions.assumeTrue(hasIpv6Loopback(ipv6Loopback), "this machine has no IPv6 loopback");
        BatchedUdpTransport transport = BatchedUdpTransport.open(loop, new InetSocketAddress(0),
                (b, off, len, from) -> received.add(new Received(Arrays.copyOfRange(b, off, off + len), from)),
                LinuxSyscalls::new);
        closeables.add(transport);
        DatagramSocket v4 = client();
        var v6 = new DatagramSocket(new InetSocketAddress(ipv6Loopback, 0));
        v6.setSoTimeout(5000);
        closeables.add(v6);
        v4.send(new DatagramPacket(payload(4), 4, new InetSocketAddress(LOOPBACK, transport.localPort())));
        v6.send(new DatagramPacket(payload(6), 6, new InetSocketAddress(ipv6Loopback, transport.localPort())));
        waitUntil(() -> received.size() == 2);
        var senders = List.of(received.take().from(), received.take().from());
        assertTrue(senders.contains(v4.getLocalSocketAddress()), senders.toString());
        assertTrue(senders.contains(v6.getLocalSocketAddress()), senders.toString());
        loop.execute(() -> senders.forEach(to -> transport.send(payload(9), 0, 9, to)));
        assertArrayEquals(payload(9), receive(v4));
        assertArrayEquals(payload(9), receive(v6));
    }

    private static boolean hasIpv6Loopback(InetAddress address) {
        try (var probe = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void oversizedAndOddDatagramsNeitherCrashItNorStopWhatFollows() throws Exception {
        var failures = new AtomicInteger();
        BatchedUdpTransport transport = BatchedUdpTransport.open(loop, new InetSocketAddress(LOOPBACK, 0),
                (b, off, len, from) -> {
                    if (len == 13) {
                        failures.incrementAndGet();
                        throw new IllegalStateException("a sink that fails on 13-byte datagrams");
                    }
                    received.add(new Received(Arrays.copyOfRange(b, off, off + len), from));
                }, LinuxSyscalls::new);
        closeables.add(transport);
        DatagramSocket client = client();
        var server = new InetSocketAddress(LOOPBACK, transport.localPort());
        var random = new java.util.Random(1);
        client.send(new DatagramPacket(new byte[65_000], 65_000, server));
        client.send(new DatagramPacket(new byte[BatchedUdpTransport.SLOT + 1], BatchedUdpTransport.SLOT + 1, server));
        client.send(new DatagramPacket(new byte[0], 0, server));
        client.send(new DatagramPacket(new byte[13], 13, server));
        var garbage = new ArrayList<byte[]>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[1 + random.nextInt(BatchedUdpTransport.SLOT)];
            random.nextBytes(bytes);
            if (bytes.length == 13) {
                continue;
            }
            garbage.add(bytes);
            client.send(new DatagramPacket(bytes, bytes.length, server));
        }
        client.send(new DatagramPacket(new byte[BatchedUdpTransport.SLOT], BatchedUdpTransport.SLOT, server));
        waitUntil(() -> received.size() == 2 + garbage.size());
        assertEquals(0, received.take().bytes().length, "an empty datagram is a datagram");
        for (byte[] bytes : garbage) {
            assertArrayEquals(bytes, received.take().bytes());
        }
        assertEquals(BatchedUdpTransport.SLOT, received.take().bytes().length, "a full slot is not cut");
        assertEquals(2, transport.counters().receiveDropped(), "larger than a slot: dropped, counted");
        assertEquals(1, failures.get());

        byte[] big = new byte[BatchedUdpTransport.SLOT + 500];
        random.nextBytes(big);
        loop.execute(() -> {
            transport.send(payload(10), 0, 10, (InetSocketAddress) client.getLocalSocketAddress());
            transport.send(big, 0, big.length, (InetSocketAddress) client.getLocalSocketAddress());
        });
        assertArrayEquals(payload(10), receive(client), "what was queued goes first");
        assertArrayEquals(big, receive(client), "larger than a send slot: sent alone");
    }

    @Test
    void aDatagramTheKernelRefusesFailsAloneAndTheRestOfItsBatchGoes() throws Exception {
        BatchedUdpTransport transport = open();
        DatagramSocket client = client();
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        var broadcast = new InetSocketAddress(InetAddress.getByName("255.255.255.255"), 9); // EACCES: no SO_BROADCAST
        loop.execute(() -> {
            transport.send(payload(1), 0, 1, broadcast);
            transport.send(payload(2), 0, 2, to);
            transport.send(payload(3), 0, 3, broadcast);
            transport.send(payload(4), 0, 4, to);
            transport.send(payload(5), 0, 5, broadcast);
        });
        assertArrayEquals(payload(2), receive(client));
        assertArrayEquals(payload(4), receive(client));
        waitUntil(() -> transport.counters().sendFailures() == 3);
        assertEquals(2, transport.counters().packetsOut());
        assertEquals(6, transport.counters().bytesOut());
    }

    @Test
    void aFullSocketBufferDropsTheRestOfTheBatchAndAnInterruptedCallIsRetried() throws Exception {
        var calls = new AtomicInteger();
        BatchedUdpTransport transport = open(arena -> new BatchSyscalls() {
            final LinuxSyscalls real = new LinuxSyscalls(arena);

            @Override
            public int receive(int fd, MemorySegment messages, int count) {
                return real.receive(fd, messages, count);
            }

            @Override
            public int send(int fd, MemorySegment messages, int count) {
                return switch (calls.incrementAndGet()) {
                    case 1 -> -EINTR;
                    case 2 -> real.send(fd, messages, Math.min(count, 3)); // the kernel took only three
                    case 3 -> -EAGAIN;
                    default -> real.send(fd, messages, count);
                };
            }
        });
        DatagramSocket client = client();
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        loop.execute(() -> {
            for (int size = 1; size <= 10; size++) {
                transport.send(payload(size), 0, size, to);
            }
        });
        for (int size = 1; size <= 3; size++) {
            assertArrayEquals(payload(size), receive(client));
        }
        waitUntil(() -> transport.counters().sendFailures() == 7);
        assertEquals(3, transport.counters().packetsOut());
        assertEquals(3, transport.counters().sendCalls());

        loop.execute(() -> transport.send(payload(20), 0, 20, to));
        assertArrayEquals(payload(20), receive(client), "later batches go out again");
        client.setSoTimeout(200);
        assertThrows(SocketTimeoutException.class, () -> receive(client), "nothing of the dropped ones");
    }

    @Test
    void closingReleasesTheDescriptorAndTheNativeMemory() throws Exception {
        BatchedUdpTransport transport = open();
        int port = transport.localPort();
        DatagramSocket client = client();
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        loop.execute(() -> transport.send(payload(7), 0, 7, to));
        assertArrayEquals(payload(7), receive(client));

        transport.close();
        assertFalse(transport.holdsNativeMemory());
        transport.close(); // twice is fine
        transport.send(payload(8), 0, 8, to);
        loop.execute(() -> transport.send(payload(9), 0, 9, to));
        waitUntil(() -> transport.counters().sendFailures() == 2);
        // The JDK closes a registered channel's descriptor when the selector next runs.
        waitUntil(() -> {
            try (var again = DatagramChannel.open()) {
                again.bind(new InetSocketAddress(LOOPBACK, port));
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void closingAfterTheLoopStoppedStillReleases() throws Exception {
        BatchedUdpTransport transport = open();
        int port = transport.localPort();
        loop.close();
        transport.close();
        assertFalse(transport.holdsNativeMemory());
        try (var again = DatagramChannel.open()) {
            again.bind(new InetSocketAddress(LOOPBACK, port));
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }
}
