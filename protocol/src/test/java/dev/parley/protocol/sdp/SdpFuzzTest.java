package dev.parley.protocol.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * Mutated browser offers: parsing never throws, and whatever parses writes back to text that
 * parses to the same model (so the writer never produces something the parser refuses).
 */
class SdpFuzzTest {

    @Test
    void parseAndRoundTripNeverThrow() {
        var seeds = new ArrayList<>(SdpSamples.seeds());
        seeds.add(AnswerBuilderTest.answerTo(BrowserOfferTest.parseOk(SdpSamples.crlf(SdpSamples.CHROME_OFFER)))
                .write().getBytes(StandardCharsets.UTF_8));
        long[] accepted = {0};
        long inputs = Fuzzer.run("sdp", seeds, bytes -> {
            var text = new String(bytes, StandardCharsets.UTF_8);
            if (SessionDescription.parse(text) instanceof SdpParseResult.Ok ok) {
                accepted[0]++;
                String written = ok.description().write();
                var again = assertInstanceOf(SdpParseResult.Ok.class, SessionDescription.parse(written),
                        () -> "written text refused: " + SessionDescription.parse(written));
                assertEquals(ok.description(), again.description());
            }
        });
        assertTrue(inputs >= 1_000);
        assertTrue(accepted[0] > 0, "some mutations still parse, so the round trip was exercised");
    }

    @Test
    void trickledCandidatesNeverThrow() {
        var seeds = SdpSamples.CHROME_OFFER.lines().filter(l -> l.startsWith("a=candidate:"))
                .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
        Fuzzer.run("candidate", seeds, bytes -> Candidate.parse(new String(bytes, StandardCharsets.UTF_8)));
    }
}
