package dev.parley.media.transport;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parley.media.loop.MediaLoop;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux transport: up to {@value #BATCH} datagrams per system call each way, with
 * {@code recvmmsg(2)} and {@code sendmmsg(2)} through the FFM API. The SFU forwards one
 * incoming packet to many peers, so it sends far more than it receives; one call per
 * datagram (and NIO's per-call address encoding and buffer juggling) was most of the media
 * loop's time.
 *
 * <ul>
 *   <li>Receive: when the selector says readable, {@code recvmmsg} fills the receive slots;
 *       each datagram is copied out to the {@link PacketSink}'s array, its sender looked up
 *       in a {@link SocketAddressCache}.</li>
 *   <li>Send on the media loop: the datagram is copied into the next send slot; the slots
 *       go out in one {@code sendmmsg} when all are used and at the end of every loop
 *       iteration ({@link MediaLoop#onIterationEnd}), so no packet waits past the
 *       iteration that made it.</li>
 *   <li>Send from another thread (the DTLS handshake's virtual threads): straight through
 *       the channel, as the NIO transport does; these are few.</li>
 * </ul>
 *
 * <p>Latency measurement ({@link #measureLatency}, or {@code -Dparley.media.latency=on}):
 * what the SFU adds, measured where it starts and ends rather than through peers whose own
 * scheduling would dominate. The socket gets {@code SO_TIMESTAMPNS}, so each datagram comes
 * with the kernel's {@code CLOCK_REALTIME} arrival time; the send slots queued while it is
 * dispatched to the sink remember it; when the flush that hands the last of them to the
 * kernel returns, one sample (that flush's {@code CLOCK_REALTIME} minus the arrival time)
 * goes into a preallocated ring. The end is stamped after {@code sendmmsg} returns, so a
 * sample includes the system call, as the datagrams late in a batch wait for it. Sends not
 * caused by a received datagram (timers, reports, other threads) and oversized ones sent
 * directly are not sampled. Off, the cost is a branch per datagram each way.
 *
 * <p>The {@link DatagramChannel} still owns the socket: the selector waits on it and closing
 * it closes the descriptor. The native memory is one arena, allocated at open and freed at
 * close. JVM flags: {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (to read the
 * descriptor) and {@code --enable-native-access=ALL-UNNAMED}; see {@link LinuxSyscalls}.
 */
public final class BatchedUdpTransport implements UdpTransport {

    /** Datagrams per system call. */
    public static final int BATCH = 64;
    /** A receive or send slot: larger than any datagram WebRTC sends (path MTU ~1500). */
    static final int SLOT = 2048;
    /** Receive calls per readiness before the loop gets back to its tasks and timers. */
    private static final int MAX_RECEIVES_PER_WAKEUP = 8;
    /** {@code on} turns latency measurement on at open. */
    public static final String LATENCY_PROPERTY = "parley.media.latency";

    private static final Logger LOG = LoggerFactory.getLogger(BatchedUdpTransport.class);

    private final MediaLoop loop;
    private final DatagramChannel channel;
    private final int fd;
    private final PacketSink sink;
    private final Arena arena;
    private final BatchSyscalls syscalls;
    private final MessageBatch in;
    private final MessageBatch out;
    private final SocketAddressCache addresses;
    private final byte[] receiveArray = new byte[SLOT];
    private final int[] pendingLengths = new int[BATCH];
    private final TransportCounters counters = new TransportCounters();
    private final Runnable flushHook = this::flush;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Send slots in use; loop only. */
    private int pending;

    // Latency measurement; all loop only.
    private boolean measuring;
    /** Allocated when measurement is first turned on. */
    private LatencyRecorder latency;
    /** {@code struct timespec} scratch for clock_gettime. */
    private final MemorySegment timespec;
    /** Per send slot: the dispatch that queued it (0: none) and that datagram's arrival time. */
    private final long[] pendingDispatch = new long[BATCH];
    private final long[] pendingArrival = new long[BATCH];
    /** The dispatch in progress (0: none, or its datagram has no timestamp) and its datagram's arrival. */
    private long dispatch;
    private long dispatchArrival;
    private long dispatches;
    /** Datagrams that arrived before this (CLOCK_REALTIME ns; set by a reset) are not sampled. */
    private long sampleArrivalsFrom;
    /** When a flush during the dispatch in progress sent some of its datagrams (0: none did). */
    private long flushedDuringDispatch;

    private BatchedUdpTransport(MediaLoop loop, DatagramChannel channel, int fd, int family, PacketSink sink, Arena arena,
                                BatchSyscalls syscalls) {
        this.loop = loop;
        this.channel = channel;
        this.fd = fd;
        this.sink = sink;
        this.arena = arena;
        this.syscalls = syscalls;
        this.in = new MessageBatch(arena, BATCH, SLOT, MessageBatch.TIMESTAMP_CONTROL);
        this.timespec = arena.allocate(16, 8);
        this.out = new MessageBatch(arena, BATCH, SLOT);
        this.addresses = new SocketAddressCache(family);
    }

    /** Why this transport cannot run in this JVM, or empty when it can. */
    public static Optional<String> unavailableReason() {
        return LinuxSyscalls.unavailableReason();
    }

    /**
     * Binds {@code bind} and starts reading on {@code loop}. Fails with
     * {@link TransportException} when batched I/O is {@linkplain #unavailableReason unavailable}.
     */
    public static BatchedUdpTransport open(MediaLoop loop, InetSocketAddress bind, PacketSink sink) {
        return open(loop, bind, sink, LinuxSyscalls::new);
    }

    /** As {@link #open(MediaLoop, InetSocketAddress, PacketSink)}, with the system calls wrapped (tests). */
    static BatchedUdpTransport open(MediaLoop loop, InetSocketAddress bind, PacketSink sink,
                                    Function<Arena, BatchSyscalls> syscalls) {
        unavailableReason().ifPresent(reason -> {
            throw new TransportException("batched UDP I/O is unavailable: " + reason);
        });
        DatagramChannel channel = NioUdpTransport.bindChannel(bind);
        Arena arena = Arena.ofShared(); // closed from whichever thread closes the transport
        try {
            int fd = LinuxSyscalls.fileDescriptor(channel);
            var transport = new BatchedUdpTransport(loop, channel, fd, LinuxSyscalls.addressFamily(fd), sink, arena,
                    syscalls.apply(arena));
            loop.call(() -> {
                loop.register(channel, transport::drain);
                loop.onIterationEnd(transport.flushHook);
                if ("on".equals(System.getProperty(LATENCY_PROPERTY))) {
                    transport.setMeasuring(true);
                }
                return null;
            }).join();
            return transport;
        } catch (RuntimeException e) {
            NioUdpTransport.closeQuietly(channel);
            arena.close();
            throw e;
        }
    }

    @Override
    public TransportKind kind() {
        return TransportKind.BATCHED;
    }

    @Override
    public int localPort() {
        return NioUdpTransport.localPort(channel);
    }

    @Override
    public void send(byte[] buffer, int offset, int length, InetSocketAddress to) {
        if (!loop.inLoop()) {
            sendNow(buffer, offset, length, to);
            return;
        }
        if (length > SLOT) {
            flush(); // keep the order of what this loop sends
            sendNow(buffer, offset, length, to);
            return;
        }
        if (closed.get()) {
            counters.sendFailures.increment();
            return;
        }
        int slot = pending;
        int nameLength = addresses.encode(to, out.names(), out.nameOffset(slot));
        if (nameLength < 0) {
            counters.sendFailures.increment();
            LOG.debug("cannot send to {} from this socket", to);
            return;
        }
        MemorySegment.copy(buffer, offset, out.data(), JAVA_BYTE, out.dataOffset(slot), length);
        out.prepareSend(slot, length, nameLength);
        pendingLengths[slot] = length;
        if (measuring) {
            pendingDispatch[slot] = dispatch;
            pendingArrival[slot] = dispatchArrival;
        }
        pending = slot + 1;
        if (pending == BATCH) {
            flush();
        }
    }

    @Override
    public TransportCounters counters() {
        return counters;
    }

    @Override
    public boolean measureLatency(boolean on) {
        onLoop(() -> setMeasuring(on));
        return true;
    }

    @Override
    public TransportLatency latency() {
        return onLoop(() -> latency == null ? TransportLatency.NONE : latency.summary());
    }

    @Override
    public void resetLatency() {
        onLoop(() -> {
            if (latency != null) {
                latency.reset();
                // A backlog still queued in the socket must not count against what follows.
                sampleArrivalsFrom = LinuxSyscalls.realtimeNanos(timespec);
            }
            return null;
        });
    }

    private <T> T onLoop(Supplier<T> work) {
        return loop.inLoop() ? work.get() : loop.call(work).join();
    }

    private Void setMeasuring(boolean on) {
        if (closed.get() || on == measuring) {
            return null;
        }
        LinuxSyscalls.setReceiveTimestamps(fd, on);
        if (on) {
            if (latency == null) {
                latency = new LatencyRecorder();
            }
            // Slots queued before now carry no (or stale) dispatches.
            Arrays.fill(pendingDispatch, 0);
        } else {
            in.clearControl();
        }
        measuring = on;
        return null;
    }

    /**
     * Flushes what is queued, unregisters, closes the channel (which closes the descriptor)
     * and frees the native memory. The socket is only touched on the loop, so this runs there,
     * or here once the loop has stopped.
     */
    @Override
    public void close() {
        if (loop.inLoop() || loop.isStopped()) {
            release();
            return;
        }
        try {
            loop.call(() -> {
                release();
                return null;
            }).join();
        } catch (CompletionException e) {
            // The loop refused: it is stopping. Once its thread has ended nothing else can
            // touch the socket or the memory, so wait for that (closing a closing loop only
            // waits) and release here.
            loop.close();
            release();
        }
    }

    /** For tests: the native memory is still allocated. */
    boolean holdsNativeMemory() {
        return arena.scope().isAlive();
    }

    /** For tests: received addresses currently cached. */
    int cachedAddresses() {
        return addresses.size();
    }

    private void release() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (loop.inLoop()) {
            flush();
            loop.removeIterationEndHook(flushHook);
        }
        pending = 0;
        NioUdpTransport.closeQuietly(channel);
        try {
            arena.close();
        } catch (IllegalStateException e) {
            // Only if a native call were still running on another thread: a bug, but not one
            // to fail the close (and the media server's shutdown) for. The memory then leaks.
            LOG.error("the media port's native memory is still in use and was not freed", e);
        }
    }

    /** Reads what is waiting, {@value #BATCH} datagrams per call (on the loop, when readable). */
    private void drain() {
        for (int round = 0; round < MAX_RECEIVES_PER_WAKEUP && !closed.get(); round++) {
            if (measuring) {
                in.prepareReceiveWithControl(BATCH);
            } else {
                in.prepareReceive(BATCH);
            }
            int received = syscalls.receive(fd, in.messagesFrom(0), BATCH);
            counters.receiveCalls.increment();
            if (received == -BatchSyscalls.EINTR) {
                continue;
            }
            if (received <= 0) {
                if (received != -BatchSyscalls.EAGAIN && received != 0) {
                    LOG.debug("recvmmsg on the media port failed: errno {}", -received);
                }
                return;
            }
            deliver(received);
            if (received < BATCH) {
                return; // the socket is empty now; the selector says when more comes
            }
        }
    }

    private void deliver(int received) {
        long bytes = 0;
        int delivered = 0;
        for (int i = 0; i < received; i++) {
            if (in.truncated(i)) {
                counters.receiveDropped.increment(); // larger than any datagram a peer should send
                continue;
            }
            InetSocketAddress from;
            try {
                from = addresses.decode(in.names(), in.nameOffset(i), in.nameLength(i));
            } catch (TransportException e) {
                counters.receiveDropped.increment();
                LOG.debug("dropped a datagram: {}", e.getMessage());
                continue;
            }
            int length = in.receivedLength(i);
            MemorySegment.copy(in.data(), JAVA_BYTE, in.dataOffset(i), receiveArray, 0, length);
            delivered++;
            bytes += length;
            if (measuring) {
                beginDispatch(in.receiveTimestampNanos(i));
            }
            try {
                sink.onPacket(receiveArray, 0, length, from);
            } catch (RuntimeException e) {
                // The rest of the batch is already read: one bad packet must not lose it.
                LOG.warn("handling a datagram from {} failed", from, e);
            } finally {
                if (measuring) {
                    endDispatch();
                }
            }
        }
        counters.packetsIn.add(delivered);
        counters.bytesIn.add(bytes);
    }

    /**
     * Sends the queued datagrams. {@code sendmmsg} stops at the first datagram it cannot
     * send and returns how many went before it; then the next call reports that datagram's
     * error. A full socket buffer drops the rest (as a congested network would: retrying now
     * would only spin); any other error is that datagram's alone, so it is skipped.
     */
    private void flush() {
        int count = pending;
        if (count == 0) {
            return;
        }
        pending = 0;
        int first = 0;
        while (first < count) {
            int sent = syscalls.send(fd, out.messagesFrom(first), count - first);
            counters.sendCalls.increment();
            if (sent > 0) {
                accountSent(first, sent);
                first += sent;
            } else if (sent == -BatchSyscalls.EINTR) {
                continue;
            } else if (sent == -BatchSyscalls.EAGAIN || sent == 0) {
                counters.sendFailures.add(count - first);
                break;
            } else {
                counters.sendFailures.increment();
                LOG.debug("sendmmsg on the media port failed: errno {}", -sent);
                first++;
            }
        }
        if (measuring) {
            sample(count);
        }
    }

    private void beginDispatch(long arrival) {
        dispatch = arrival == 0 || arrival < sampleArrivalsFrom ? 0 : ++dispatches;
        dispatchArrival = arrival;
        flushedDuringDispatch = 0;
    }

    /**
     * A dispatch whose datagrams all went out in flushes during it (a full batch) is sampled
     * here, at the last of those flushes; one with datagrams still queued is sampled by the
     * flush that sends them.
     */
    private void endDispatch() {
        if (dispatch != 0 && flushedDuringDispatch != 0 && (pending == 0 || pendingDispatch[pending - 1] != dispatch)) {
            latency.record(flushedDuringDispatch - dispatchArrival);
        }
        dispatch = 0;
        dispatchArrival = 0;
    }

    /**
     * One sample per dispatch among the {@code count} slots just flushed (a dispatch's slots
     * are consecutive). Whether the kernel took them or dropped them (full buffer), the SFU
     * was done with them. The dispatch in progress may queue more, so it is left to
     * {@link #endDispatch} or a later flush.
     */
    private void sample(int count) {
        long now = LinuxSyscalls.realtimeNanos(timespec);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long id = pendingDispatch[i];
            if (id == 0 || id == previous) {
                continue;
            }
            previous = id;
            if (id == dispatch) {
                flushedDuringDispatch = now;
            } else {
                latency.record(now - pendingArrival[i]);
            }
        }
    }

    private void accountSent(int first, int sent) {
        long bytes = 0;
        for (int i = first; i < first + sent; i++) {
            bytes += pendingLengths[i];
        }
        counters.packetsOut.add(sent);
        counters.bytesOut.add(bytes);
    }

    /** One datagram through the channel, now: from other threads, and for oversized datagrams. */
    private void sendNow(byte[] buffer, int offset, int length, InetSocketAddress to) {
        NioUdpTransport.sendCounted(channel, ByteBuffer.wrap(buffer, offset, length), to, counters);
    }
}
