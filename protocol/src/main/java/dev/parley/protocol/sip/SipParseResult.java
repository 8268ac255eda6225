package dev.parley.protocol.sip;

import java.util.Objects;
import java.util.Optional;

/** What {@link SipParser#parseDetailed} gives: a message, or why the bytes were refused. */
public sealed interface SipParseResult {

    /** A well-formed message. */
    record Parsed(SipMessage message) implements SipParseResult {
        public Parsed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Refused bytes. {@code reply} is the response RFC 3261 asks for when the input was a
     * request readable enough to answer (its top Via, From, To, Call-ID and CSeq parse): 400
     * with the reason in the phrase (§8.2.2.x, §21.4.1), or 505 for another SIP version
     * (§8.2.1). Empty for responses, ACKs and garbage, which are dropped.
     *
     * @param reason what was wrong, short and without line breaks
     * @param reply  the response to send, when there is one
     */
    record Refused(String reason, Optional<SipResponse> reply) implements SipParseResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reply, "reply");
        }
    }

    default Optional<SipMessage> toOptional() {
        return this instanceof Parsed parsed ? Optional.of(parsed.message()) : Optional.empty();
    }
}
