package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code t=<start-time> <stop-time>} line with the {@code r=} lines that follow it
 * (RFC 8866 sections 5.9 and 5.10). WebRTC always writes {@code t=0 0}; repeat times are
 * kept as written.
 */
public record Timing(long start, long stop, List<String> repeats) {

    /** {@code t=0 0}: an unbounded session, the only timing JSEP uses. */
    public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

    public Timing {
        Syntax.range(start, 0, Long.MAX_VALUE, "start time");
        Syntax.range(stop, 0, Long.MAX_VALUE, "stop time");
        repeats = List.copyOf(repeats);
        for (String repeat : repeats) {
            Syntax.text(repeat, "repeat time");
        }
    }

    Timing withRepeat(String repeat) {
        var more = new ArrayList<>(repeats);
        more.add(repeat);
        return new Timing(start, stop, more);
    }

    static Timing parse(String value) {
        var words = Syntax.words(value);
        if (words.size() != 2) {
            throw new IllegalArgumentException("t= needs <start-time> <stop-time>");
        }
        return new Timing(Syntax.number(words.get(0), 0, Long.MAX_VALUE, "start time"),
                Syntax.number(words.get(1), 0, Long.MAX_VALUE, "stop time"), List.of());
    }

    String sdpValue() {
        return start + " " + stop;
    }
}
