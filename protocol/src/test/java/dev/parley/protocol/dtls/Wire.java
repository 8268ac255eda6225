package dev.parley.protocol.dtls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One direction of a test network between two connections: what one side sends is delivered to
 * the other's {@code receive} on a delivery thread of its own (never synchronously, as a real
 * socket would), after an optional fault decides to drop, duplicate or reorder it. Every datagram
 * sent is captured, for fuzz seeds and assertions.
 */
final class Wire implements Consumer<byte[]>, AutoCloseable {

    /** Maps the n-th datagram sent (0-based) to what the wire delivers: nothing, it, or it twice. */
    interface Fault extends BiFunction<Integer, byte[], List<byte[]>> {
    }

    static final Fault PERFECT = (index, datagram) -> List.of(datagram);
    static final Fault DUPLICATE = (index, datagram) -> List.of(datagram, datagram.clone());

    static Fault dropFirst(int count) {
        return (index, datagram) -> index < count ? List.of() : List.of(datagram);
    }

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final List<byte[]> captured = Collections.synchronizedList(new ArrayList<>());
    private final Thread delivery;
    private volatile DtlsConnection target;
    private volatile Fault fault = PERFECT;
    private volatile boolean reorder;
    private volatile boolean closed;

    Wire() {
        delivery = Thread.ofVirtual().name("wire").start(this::deliverLoop);
    }

    void connect(DtlsConnection target) {
        this.target = target;
    }

    Wire fault(Fault fault) {
        this.fault = fault;
        return this;
    }

    /** Delivers each datagram after the next one when the next arrives within a few milliseconds. */
    Wire reorder() {
        this.reorder = true;
        return this;
    }

    List<byte[]> captured() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void accept(byte[] datagram) {
        captured.add(datagram.clone());
        queue.addAll(fault.apply(sent.getAndIncrement(), datagram));
    }

    private void deliverLoop() {
        try {
            while (!closed) {
                byte[] first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                byte[] second = reorder ? queue.poll(20, TimeUnit.MILLISECONDS) : null;
                if (second != null) {
                    deliver(second);
                }
                deliver(first);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void deliver(byte[] datagram) {
        DtlsConnection to = target;
        if (to != null) {
            to.receive(datagram, 0, datagram.length);
        }
    }

    @Override
    public void close() {
        closed = true;
        delivery.interrupt();
    }

    /** Runs a blocking call on a virtual thread of its own (tests may make threads; main code not). */
    static <T> CompletableFuture<T> async(Supplier<T> call) {
        var future = new CompletableFuture<T>();
        Thread.ofVirtual().start(() -> {
            try {
                future.complete(call.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }
}
