package dev.parley.protocol;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts input that a parser refused. Parsers never throw on bad bytes: they return empty and
 * call {@link #count(Kind)}, so a flood of garbage shows up in the counters and the debug
 * state instead of in exceptions. Counters are process-wide; sessions keep their own as well.
 */
public final class Malformed {

    /** What kind of input was refused. */
    public enum Kind {
        STUN, RTP, RTCP, SRTP, SRTCP, DTLS, SDP, DEMUX
    }

    private static final Map<Kind, LongAdder> COUNTS = new EnumMap<>(Kind.class);

    static {
        for (Kind kind : Kind.values()) {
            COUNTS.put(kind, new LongAdder());
        }
    }

    private Malformed() {
    }

    public static void count(Kind kind) {
        COUNTS.get(kind).increment();
    }

    public static long total(Kind kind) {
        return COUNTS.get(kind).sum();
    }

    /** Every counter, for debug state and metrics. */
    public static Map<Kind, Long> snapshot() {
        var snapshot = new EnumMap<Kind, Long>(Kind.class);
        COUNTS.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return snapshot;
    }
}
