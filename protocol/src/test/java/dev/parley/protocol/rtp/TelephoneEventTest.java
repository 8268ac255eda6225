package dev.parley.protocol.rtp;

import static dev.parley.protocol.rtp.RtpPacketTest.assertCounted;
import static dev.parley.protocol.rtp.RtpPacketTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    @Test
    void encodesTheRfc4733Layout() {
        // Digit 5, end of event, volume -10 dBm0, 800 timestamp units (100 ms at 8 kHz).
        assertArrayEquals(hex("05 8a 0320"), new TelephoneEvent(5, true, 10, 800).encode());
        assertArrayEquals(hex("0b 3f ffff"), new TelephoneEvent(11, false, 63, 65535).encode());
    }

    @Test
    void parsesAndIgnoresTheReservedBit() {
        assertEquals(new TelephoneEvent(5, true, 10, 800), TelephoneEvent.parse(hex("05 ca 0320"), 0, 4).orElseThrow());
        assertEquals(new TelephoneEvent(1, false, 0, 160), TelephoneEvent.parse(hex("99 01 00 00a0"), 1, 4).orElseThrow());
    }

    @Test
    void eventsZeroToFifteenAreTheDtmfKeys() {
        var digits = new StringBuilder();
        for (int event = 0; event < 16; event++) {
            digits.append(new TelephoneEvent(event, false, 10, 0).dtmfDigit().orElseThrow());
        }
        assertEquals("0123456789*#ABCD", digits.toString());
        assertEquals(java.util.Optional.empty(), new TelephoneEvent(16, false, 10, 0).dtmfDigit(), "flash is no key");
    }

    @Test
    void roundTrips() {
        for (var event : List.of(new TelephoneEvent(0, false, 0, 0), new TelephoneEvent(255, true, 63, 65535),
                new TelephoneEvent(10, false, 7, 1234))) {
            assertEquals(event, TelephoneEvent.parse(event.encode(), 0, 4).orElseThrow());
        }
    }

    @Test
    void shortPayloadsAreRefused() {
        assertCounted(Malformed.Kind.RTP, () -> TelephoneEvent.parse(hex("05 8a 03"), 0, 3).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEvent(1, false, 64, 0));
    }

    @Test
    void fuzzParse() {
        Fuzzer.run("TelephoneEvent.parse", List.of(hex("05 8a 0320"), hex("0b 3f ffff")), input ->
                TelephoneEvent.parse(input, 0, input.length).ifPresent(event -> {
                    if (!event.equals(TelephoneEvent.parse(event.encode(), 0, 4).orElseThrow())) {
                        throw new AssertionError("round trip changed " + event);
                    }
                }));
    }
}
