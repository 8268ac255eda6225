package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 3711 §3.3.1 / Appendix A rollover counter estimation. */
class RtpIndexTest {

    private static long index(long roc, int seq) {
        return (roc << 16) | seq;
    }

    @Test
    void theFirstPacketStartsInCycleZero() {
        assertEquals(0xfffe, RtpIndex.estimate(RtpIndex.NONE, 0xfffe));
        assertEquals(5, RtpIndex.estimate(RtpIndex.NONE, 5));
    }

    @Test
    void nearbySequenceNumbersStayInTheSameCycle() {
        assertEquals(index(3, 1001), RtpIndex.estimate(index(3, 1000), 1001));
        assertEquals(index(3, 999), RtpIndex.estimate(index(3, 1000), 999));
        assertEquals(index(3, 40000), RtpIndex.estimate(index(3, 40010), 40000));
    }

    @Test
    void aSmallSequenceNumberAfterAHighOneIsTheNextCycle() {
        assertEquals(index(4, 3), RtpIndex.estimate(index(3, 65530), 3));
        // s_l >= 2^15: anything below s_l - 2^15 belongs to the next cycle.
        assertEquals(index(4, 100), RtpIndex.estimate(index(3, 32869), 100));
        assertEquals(index(3, 101), RtpIndex.estimate(index(3, 32869), 101));
    }

    @Test
    void aHighSequenceNumberAfterALowOneIsThePreviousCycle() {
        assertEquals(index(2, 65534), RtpIndex.estimate(index(3, 2), 65534));
        // s_l < 2^15: anything more than 2^15 above s_l belongs to the previous cycle.
        assertEquals(index(2, 32870), RtpIndex.estimate(index(3, 100), 32869 + 1));
        assertEquals(index(3, 32868), RtpIndex.estimate(index(3, 100), 32868));
    }

    @Test
    void thereIsNoCycleBeforeZero() {
        assertEquals(index(0, 65000), RtpIndex.estimate(index(0, 10), 65000));
    }

    @Test
    void rocIsTheUpper32Bits() {
        assertEquals(0xffffffff, RtpIndex.roc(index(0xffffffffL, 7)));
        assertEquals(3, RtpIndex.roc(index(3, 0xffff)));
    }
}
