package dev.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.protocol.rtp.TelephoneEvent;
import org.junit.jupiter.api.Test;

class DtmfDetectorTest {

    private final StringBuilder digits = new StringBuilder();
    private final DtmfDetector detector = new DtmfDetector(digits::append);

    private void press(int event, long timestamp) {
        detector.onEvent(new TelephoneEvent(event, false, 10, 160), timestamp, true);
        detector.onEvent(new TelephoneEvent(event, false, 10, 320), timestamp, false);
        for (int i = 0; i < 3; i++) {
            detector.onEvent(new TelephoneEvent(event, true, 10, 800), timestamp, false);
        }
    }

    @Test
    void eachKeyPressIsReportedOnceOnItsFirstPacket() {
        press(1, 1000);
        assertEquals("1", digits.toString());
        press(1, 2000); // the same key again is a new press: a new timestamp
        press(11, 3000);
        press(10, 4000);
        press(15, 5000);
        assertEquals("11#*D", digits.toString());
        assertEquals(5, detector.digits());
    }

    @Test
    void anEventSeenOnlyByItsEndPacketsCountsOnce() {
        for (int i = 0; i < 3; i++) {
            detector.onEvent(new TelephoneEvent(7, true, 10, 800), 9000, false);
        }
        assertEquals("7", digits.toString());
    }

    @Test
    void lateRepeatsOfAnOlderEventAreNotNewPresses() {
        press(3, 1000);
        press(4, 2000);
        detector.onEvent(new TelephoneEvent(3, true, 10, 800), 1000, false);
        assertEquals("34", digits.toString());
    }

    @Test
    void aLongEventContinuingUnderANewTimestampIsOnePress() {
        detector.onEvent(new TelephoneEvent(5, false, 10, 0xffff), 1000, true);
        detector.onEvent(new TelephoneEvent(5, false, 10, 100), 1000 + 0xffff, false); // §2.5.1.3 segment
        detector.onEvent(new TelephoneEvent(5, true, 10, 400), 1000 + 0xffff, false);
        assertEquals("5", digits.toString());
    }

    @Test
    void otherEventsAndShortPayloadsAreIgnored() {
        detector.onEvent(new TelephoneEvent(16, true, 10, 800), 1000, true); // flash: not a key
        byte[] packet = new byte[14];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) 101;
        detector.onPacket(packet, 0, packet.length, 12);
        assertEquals("", digits.toString());
        assertEquals(1, detector.malformed());
    }
}
