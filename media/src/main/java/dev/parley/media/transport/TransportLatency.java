package dev.parley.media.transport;

/**
 * What the media port measured of the latency the SFU itself adds: for each received
 * datagram whose handling queued datagrams to send, the time from the kernel's receive
 * timestamp to the return of the {@code sendmmsg} that handed the last of them to the kernel.
 * All times in nanoseconds.
 *
 * @param count   samples recorded since the last reset
 * @param kept    samples the percentiles are taken over: the latest ones, at most the ring's size
 */
public record TransportLatency(long count, long kept, long minNanos, long p50Nanos, long p99Nanos, long p999Nanos,
                               long maxNanos) {

    /** Nothing measured: measurement is off, or this transport cannot measure. */
    public static final TransportLatency NONE = new TransportLatency(0, 0, 0, 0, 0, 0, 0);
}
