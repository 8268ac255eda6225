package dev.parley.protocol.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.stun.StunAttribute;
import dev.parley.protocol.stun.StunClass;
import dev.parley.protocol.stun.StunMessage;
import dev.parley.protocol.stun.StunMessageBuilder;
import dev.parley.protocol.stun.TransactionId;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The controlling full agent on the other side (a browser, say), reduced to what a test needs:
 * it writes connectivity checks with the STUN encoder, as RFC 8445 §7.2 describes them, and
 * checks the answers the way a full agent would.
 */
final class FullPeer {

    private final SplittableRandom random = new SplittableRandom(42);
    private final long tieBreaker = random.nextLong();
    IceCredentials own;
    IceCredentials lite;
    TransactionId lastId;

    FullPeer(IceCredentials own, IceCredentials lite) {
        this.own = own;
        this.lite = lite;
    }

    /** An ordinary check: USERNAME, PRIORITY, ICE-CONTROLLING, MESSAGE-INTEGRITY, FINGERPRINT. */
    byte[] check() {
        return check(b -> b);
    }

    /** A check that nominates: the same plus USE-CANDIDATE. */
    byte[] nominate() {
        return check(b -> b.add(new StunAttribute.UseCandidate()));
    }

    /** A check with extra attributes added after the usual ones. */
    byte[] check(UnaryOperator<StunMessageBuilder> extra) {
        return build(lite.ufrag() + ":" + own.ufrag(), true, lite.key(), extra, true);
    }

    byte[] build(String username, boolean controlling, byte[] key, UnaryOperator<StunMessageBuilder> extra,
                 boolean fingerprint) {
        lastId = TransactionId.random(random);
        var builder = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, lastId)
                .add(new StunAttribute.Username(username))
                .add(new StunAttribute.Priority(0x6e0001ffL))
                .add(controlling ? new StunAttribute.IceControlling(tieBreaker)
                        : new StunAttribute.IceControlled(tieBreaker));
        builder = extra.apply(builder);
        if (key.length > 0) {
            builder.integrity(key);
        }
        if (fingerprint) {
            builder.fingerprint();
        }
        return builder.encode();
    }

    /** Parses an answer to the last check, checking what every answer must have. */
    StunMessage answer(byte[] bytes) {
        var message = StunMessage.parse(bytes).orElseThrow();
        assertEquals(lastId, message.transactionId());
        assertEquals(StunMessage.BINDING, message.method());
        assertTrue(StunMessage.verifyFingerprint(bytes, 0, bytes.length), "FINGERPRINT");
        return message;
    }

    /** Parses an answer that must be authenticated with the lite agent's password. */
    StunMessage authenticatedAnswer(byte[] bytes) {
        var message = answer(bytes);
        assertTrue(StunMessage.verifyIntegrity(bytes, 0, bytes.length, lite.key()), "MESSAGE-INTEGRITY");
        return message;
    }
}
