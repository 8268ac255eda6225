package dev.parley.media.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * What crossed the socket, and at what cost: the system-call counts show how well the
 * batched transport batches (datagrams per call); the NIO one makes one call per datagram.
 */
public final class TransportCounters {
    final LongAdder packetsIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder packetsOut = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder receiveDropped = new LongAdder();
    final LongAdder receiveCalls = new LongAdder();
    final LongAdder sendCalls = new LongAdder();

    public long packetsIn() {
        return packetsIn.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long packetsOut() {
        return packetsOut.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Datagrams not sent: socket buffer full (dropped, as the network would), or refused by the kernel. */
    public long sendFailures() {
        return sendFailures.sum();
    }

    /** Datagrams received but not delivered: larger than a receive slot, or from an unusable address. */
    public long receiveDropped() {
        return receiveDropped.sum();
    }

    /** Receive system calls, including the last one that found the socket empty. */
    public long receiveCalls() {
        return receiveCalls.sum();
    }

    /** Send system calls, including failed ones. */
    public long sendCalls() {
        return sendCalls.sum();
    }

    @Override
    public String toString() {
        return "{packetsIn=" + packetsIn() + ", bytesIn=" + bytesIn() + ", packetsOut=" + packetsOut()
                + ", bytesOut=" + bytesOut() + ", sendFailures=" + sendFailures() + ", receiveDropped=" + receiveDropped()
                + ", receiveCalls=" + receiveCalls() + ", sendCalls=" + sendCalls() + "}";
    }
}
