package dev.parley.protocol.srtp;

/**
 * The 48-bit SRTP packet index {@code i = 2^16 * ROC + SEQ} and how a receiver guesses the
 * rollover counter of a packet from its 16-bit sequence number (RFC 3711 §3.3.1, Appendix A).
 *
 * <p>With {@code s_l} the highest sequence number seen and {@code ROC} its rollover counter, a
 * packet belongs to the cycle ({@code ROC-1}, {@code ROC} or {@code ROC+1}) that puts it closest
 * to {@code s_l}. Before the first rollover there is no earlier cycle, so a packet that would
 * land in {@code ROC-1 = -1} is taken to be in cycle 0 (libsrtp does the same).
 */
final class RtpIndex {

    /** No packet seen yet for this SSRC. */
    static final long NONE = -1;

    private static final int HALF = 1 << 15;

    private RtpIndex() {
    }

    /**
     * The index of the packet with sequence number {@code seq}, given the highest index seen so
     * far ({@link #NONE} for the first packet: the RFC starts with ROC 0 and {@code s_l = SEQ}).
     */
    static long estimate(long highest, int seq) {
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xffff);
        long guess;
        if (sl < HALF) {
            guess = seq - sl > HALF ? roc - 1 : roc;
        } else {
            guess = sl - HALF > seq ? roc + 1 : roc;
        }
        if (guess < 0) {
            guess = 0;
        }
        return (guess << 16) | seq;
    }

    /** The rollover counter part of an index. */
    static int roc(long index) {
        return (int) (index >>> 16);
    }
}
