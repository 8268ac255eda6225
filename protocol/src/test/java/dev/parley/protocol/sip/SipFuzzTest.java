package dev.parley.protocol.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated torture messages and ordinary ones: the parser never throws, whatever parses writes
 * back to bytes that parse to the same message, and every header a parsed message holds can
 * be read through the typed accessors. {@code ./parley fuzz SECONDS} runs it longer.
 */
class SipFuzzTest {

    static List<byte[]> seeds() {
        var seeds = new ArrayList<byte[]>();
        Rfc4475.valid().values().forEach(m -> seeds.add(Rfc4475.bytes(m)));
        Rfc4475.invalid().values().forEach(i -> seeds.add(Rfc4475.bytes(i.message())));
        seeds.add(SipMessageTest.invite().toBytes());
        seeds.add(SipResponses.reply(SipMessageTest.invite(), 401, "Unauthorized", java.util.Optional.of("t"))
                .withHeaders(SipResponses.reply(SipMessageTest.invite(), 401).headers()
                        .with("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", qop=\"auth\"")).toBytes());
        return seeds;
    }

    @Test
    void parsingNeverThrowsAndWhatParsesRoundTrips() {
        long internalBefore = SipParser.internalErrorCount();
        long[] accepted = {0};
        long inputs = Fuzzer.run("sip", seeds(), input -> {
            SipParser.parseDetailed(input).toOptional().ifPresent(message -> {
                accepted[0]++;
                readEverything(message);
                assertEquals(message, SipParser.parse(message.toBytes()).orElseThrow(),
                        () -> "written form refused: " + new String(message.toBytes(), StandardCharsets.UTF_8));
            });
        });
        assertTrue(inputs >= 1_000);
        assertTrue(accepted[0] > 0, "some mutations still parse, so the round trip was exercised");
        assertEquals(internalBefore, SipParser.internalErrorCount(), "the parser caught an exception of its own");
    }

    @Test
    void framingNeverThrows() {
        Fuzzer.run("sip-stream", seeds(), input -> {
            var framer = new SipStreamFramer(2048, 4096);
            for (int i = 0; i < input.length; i += 17) {
                framer.feed(input, i, Math.min(17, input.length - i)).messages().forEach(SipParser::parse);
            }
        });
    }

    @Test
    void headerValueParsersNeverThrow() {
        var values = new ArrayList<byte[]>();
        for (byte[] seed : seeds()) {
            for (String line : new String(seed, StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    values.add(line.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        values.add("Digest realm=\"a\", nonce=\"b\", algorithm=SHA-256, qop=\"auth\", opaque=\"x\"".getBytes(
                StandardCharsets.UTF_8));
        Fuzzer.run("sip-values", values, input -> {
            String text = new String(input, StandardCharsets.UTF_8);
            NameAddr.parse(text).ifPresent(a -> assertEquals(a, NameAddr.parse(a.write()).orElseThrow(), a::write));
            Via.parse(text).ifPresent(v -> assertEquals(v, Via.parse(v.write()).orElseThrow()));
            Uri.parse(text.strip()).ifPresent(u -> assertEquals(u, Uri.parse(u.write()).orElseThrow()));
            CSeq.parse(text);
            DigestChallenge.parse(text);
            DigestAuthorization.parse(text);
        });
    }

    private static void readEverything(SipMessage message) {
        message.callId();
        message.cseq();
        message.from().tag();
        message.to().tag();
        message.vias().forEach(Via::branch);
        message.contacts();
        message.routes();
        message.recordRoutes();
        message.maxForwards();
        message.bodyText();
    }
}
