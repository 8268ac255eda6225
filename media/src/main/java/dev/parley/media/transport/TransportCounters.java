package dev.parley.media.transport;

import java.util.concurrent.atomic.LongAdder;

/** What crossed the socket. */
public final class TransportCounters {
    final LongAdder packetsIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder packetsOut = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder sendFailures = new LongAdder();

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

    public long sendFailures() {
        return sendFailures.sum();
    }

    @Override
    public String toString() {
        return "{packetsIn=" + packetsIn() + ", bytesIn=" + bytesIn() + ", packetsOut=" + packetsOut()
                + ", bytesOut=" + bytesOut() + ", sendFailures=" + sendFailures() + "}";
    }
}
