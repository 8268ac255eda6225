package dev.parley.media;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh SSRCs for legs and feedback: random, never 0. */
final class Ssrcs {

    private Ssrcs() {
    }

    static long random() {
        long ssrc;
        do {
            ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
        } while (ssrc == 0);
        return ssrc;
    }
}
