package dev.parley.protocol.ice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.fuzz.Fuzzer;
import dev.parley.protocol.stun.StunAttribute;
import dev.parley.protocol.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IceLiteAgentFuzzTest {

    @Test
    void mutatedChecksNeverThrowAndEveryAnswerIsWellFormed() {
        var random = new SplittableRandom(3);
        var lite = IceCredentials.random(random);
        var remote = IceCredentials.random(random);
        var agent = new IceLiteAgent(lite, Optional.of(remote), IceLiteAgent.DEFAULT_CONSENT_TIMEOUT);
        var peer = new FullPeer(remote, lite);
        var seeds = List.of(peer.check(), peer.nominate(),
                peer.check(b -> b.add(new StunAttribute.Raw(0x0042, new byte[3]))),
                peer.build(lite.ufrag() + ":" + remote.ufrag(), false, lite.key(), b -> b, true));
        var from = new InetSocketAddress("192.0.2.10", 40000);
        long[] now = {0};
        long inputs = Fuzzer.run("ice-lite", seeds, input -> {
            now[0] += 1_000_000;
            var result = agent.handleBindingRequest(input, 0, input.length, from, now[0]);
            agent.consentExpired(now[0]);
            result.response().ifPresent(response -> {
                assertTrue(StunMessage.parse(response).isPresent());
                assertTrue(StunMessage.verifyFingerprint(response, 0, response.length));
            });
        });
        assertTrue(inputs >= 1_000);
    }
}
