package dev.parley.telephony.sip;

import dev.parley.protocol.sip.Digest;
import dev.parley.protocol.sip.DigestAuthorization;
import dev.parley.protocol.sip.DigestChallenge;
import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.HeaderNames;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers 401 and 407 challenges for one call (RFC 3261 §22.2-22.3, RFC 8760): picks the
 * strongest digest challenge, counts nc per nonce, and gives up rather than loop: when the
 * request already answered the same nonce (the password is wrong) and the challenge is not
 * {@code stale}, or after {@link #MAX_CHALLENGES} challenges in all.
 */
final class Authenticator {

    static final int MAX_CHALLENGES = 5;

    private final Optional<DigestCredentials> credentials;
    private final Map<String, Long> nonceCounts = new HashMap<>();
    private int challenges;

    Authenticator(Optional<DigestCredentials> credentials) {
        this.credentials = credentials;
    }

    static boolean isChallenge(SipResponse response) {
        return response.status() == 401 || response.status() == 407;
    }

    /** The Authorization (401) or Proxy-Authorization (407) header answering {@code challenge} for {@code request}. */
    Optional<SipHeader> answer(SipResponse challenge, SipRequest request) {
        if (credentials.isEmpty() || !isChallenge(challenge) || ++challenges > MAX_CHALLENGES) {
            return Optional.empty();
        }
        boolean proxy = challenge.status() == 407;
        String challengeHeader = proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        String credentialsHeader = proxy ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION;
        Optional<DigestChallenge> chosen = DigestChallenge.choose(challenge.headerValues(challengeHeader));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        DigestChallenge digest = chosen.get();
        boolean answeredBefore = request.headerValues(credentialsHeader).stream().map(DigestAuthorization::parse)
                .flatMap(Optional::stream).anyMatch(a -> a.nonce().equals(digest.nonce()) && a.realm().equals(
                        digest.realm()));
        if (answeredBefore && !digest.stale()) {
            return Optional.empty();
        }
        long nc = nonceCounts.merge(digest.nonce(), 1L, Long::sum);
        DigestAuthorization authorization = Digest.authorize(digest, credentials.get(), request.method(),
                request.requestUri().write(), SipIds.random(8), nc);
        return Optional.of(new SipHeader(credentialsHeader, authorization.write()));
    }
}
