package dev.parley.protocol.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Digest vectors of RFC 2617 §3.5 and RFC 7616 §3.9.1, then both sides of a SIP challenge. */
class SipDigestTest {

    @Test
    void rfc2617Example() {
        String response = Digest.response(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
                "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", Optional.of("0a4f113b"), Optional.of("auth"), 1);
        assertEquals("6629fae49393a05397450978507c4ef1", response);
    }

    @Test
    void rfc7616ExamplesInMd5AndSha256() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", Digest.response(DigestAlgorithm.MD5, "Mufasa",
                "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html", nonce, Optional.of(cnonce),
                Optional.of("auth"), 1));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", Digest.response(
                DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
                nonce, Optional.of(cnonce), Optional.of("auth"), 1));
    }

    @Test
    void challengeAndAnswerRoundTrip() {
        var challenge = DigestChallenge.parse("Digest realm=\"parley.test\", nonce=\"abc, def\", opaque=\"op\", "
                + "algorithm=SHA-256, qop=\"auth,auth-int\", stale=FALSE").orElseThrow();
        assertEquals("parley.test", challenge.realm());
        assertEquals("abc, def", challenge.nonce(), "a quoted comma is part of the value");
        assertEquals(DigestAlgorithm.SHA_256, challenge.algorithm());
        assertEquals(List.of("auth", "auth-int"), challenge.qop());
        assertFalse(challenge.stale());
        assertEquals(challenge, DigestChallenge.parse(challenge.write()).orElseThrow());

        var credentials = new DigestCredentials("alice", "wonderland");
        DigestAuthorization authorization = Digest.authorize(challenge, credentials, "INVITE",
                "sip:bob@192.0.2.1", "c0ffee", 1);
        assertEquals(Optional.of("op"), authorization.opaque());
        assertEquals(Optional.of(1L), authorization.nc());
        DigestAuthorization received = DigestAuthorization.parse(authorization.write()).orElseThrow();
        assertEquals(authorization, received);
        assertTrue(authorization.write().contains("nc=00000001"));
        assertTrue(Digest.verify(received, "INVITE", "wonderland"));
        assertFalse(Digest.verify(received, "INVITE", "wrong"));
        assertFalse(Digest.verify(received, "BYE", "wonderland"), "the method is part of the digest");
        assertFalse(credentials.toString().contains("wonderland"));
    }

    @Test
    void md5WithoutQopAndSessionVariants() {
        var plain = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\"").orElseThrow();
        assertEquals(DigestAlgorithm.MD5, plain.algorithm());
        DigestAuthorization old = Digest.authorize(plain, new DigestCredentials("u", "p"), "BYE", "sip:x@y", "c", 1);
        assertTrue(old.qop().isEmpty() && old.cnonce().isEmpty() && old.nc().isEmpty());
        assertTrue(Digest.verify(DigestAuthorization.parse(old.write()).orElseThrow(), "BYE", "p"));

        var sess = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess, qop=auth")
                .orElseThrow();
        DigestAuthorization answer = Digest.authorize(sess, new DigestCredentials("u", "p"), "OPTIONS", "sip:x@y",
                "c2", 3);
        assertTrue(Digest.verify(answer, "OPTIONS", "p"));
    }

    @Test
    void theStrongestChallengeIsChosen() {
        var chosen = DigestChallenge.choose(List.of("Digest realm=\"r\", nonce=\"1\", algorithm=MD5, qop=\"auth\"",
                "Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"2\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"r\", nonce=\"3\", algorithm=SHA-512-256")).orElseThrow();
        assertEquals("2", chosen.nonce());
        assertTrue(DigestChallenge.choose(List.of("Digest realm=\"r\", nonce=\"1\", qop=\"auth-int\"")).isEmpty(),
                "auth-int only is not answered");
    }

    @Test
    void brokenChallengesAreRefused() {
        for (String bad : List.of("", "Digest", "Digest realm=\"r\"", "Digest nonce=\"n\"", "Digest realm=\"r,"
                + " nonce=\"n\"", "Digest realm=r nonce=n", "Basic realm=\"r\", nonce=\"n\"")) {
            assertTrue(DigestChallenge.parse(bad).isEmpty(), bad);
        }
        assertTrue(DigestAuthorization.parse("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"x\", "
                + "response=\"y\", nc=zz").isEmpty());
    }
}
