package dev.parley.protocol.stun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.fuzz.Fuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunFuzzTest {

    private static final byte[] KEY = Rfc5769.PASSWORD.getBytes(UTF_8);

    @Test
    void parsingAndCheckingNeverThrowAndWhatParsesRoundTrips() {
        var seeds = List.of(
                Rfc5769.bytes(Rfc5769.REQUEST),
                Rfc5769.bytes(Rfc5769.IPV4_RESPONSE),
                Rfc5769.bytes(Rfc5769.IPV6_RESPONSE),
                StunMessageTest.everyAttribute());
        long inputs = Fuzzer.run("stun", seeds, input -> {
            boolean looksLikeStun = StunMessage.looksLikeStun(input, 0, input.length);
            StunMessage.verifyIntegrity(input, 0, input.length, KEY);
            StunMessage.verifyFingerprint(input, 0, input.length);
            var parsed = StunMessage.parse(input, 0, input.length);
            parsed.ifPresent(message -> {
                assertTrue(looksLikeStun, "parsed but did not look like STUN");
                message.unknownComprehensionRequired();
                // What we accept we can write again, and it reads back the same.
                assertEquals(parsed, StunMessage.parse(message.encode()));
            });
        });
        assertTrue(inputs >= 1_000);
    }
}
