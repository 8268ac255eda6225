package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.token.IdentityTokenRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where calls to one of the account's phone numbers go. */
public sealed interface InboundDestination {

    /** Room names: the same characters as identities without {@code /}, 3 to 250 (docs/signaling.md). */
    Pattern ROOM = Pattern.compile("^[\\p{L}\\p{N}\\w.\\-+=]{3,250}$");

    InboundType type();

    /** The identity, room, SIP URI or phone number; empty for {@link Dynamic}. */
    Optional<String> target();

    /** Ring an end user of the account's apps. */
    record ToIdentity(String identity) implements InboundDestination {
        public InboundType type() {
            return InboundType.WEBRTC;
        }

        public Optional<String> target() {
            return Optional.of(identity);
        }
    }

    /** Put the caller into a room of the account. */
    record ToRoom(String room) implements InboundDestination {
        public InboundType type() {
            return InboundType.ROOM;
        }

        public Optional<String> target() {
            return Optional.of(room);
        }
    }

    /** Forward to a SIP endpoint; at call time its host must be one of the account's trunks. */
    record ToSipUri(SipUri uri) implements InboundDestination {
        public InboundType type() {
            return InboundType.SIP;
        }

        public Optional<String> target() {
            return Optional.of(uri.text());
        }
    }

    /** Forward to another phone number through a trunk. */
    record ToPhoneNumber(String number) implements InboundDestination {
        public InboundType type() {
            return InboundType.PHONE;
        }

        public Optional<String> target() {
            return Optional.of(number);
        }
    }

    /** Ask the account's dynamic destination callback, call by call. */
    record Dynamic() implements InboundDestination {
        public InboundType type() {
            return InboundType.DYNAMIC;
        }

        public Optional<String> target() {
            return Optional.empty();
        }
    }

    /**
     * Builds and validates a destination. {@code fieldPrefix} (such as {@code "inbound."}) is
     * put before the target's field name in errors.
     */
    static InboundDestination of(InboundType type, Optional<String> target, String fieldPrefix) {
        String field = fieldPrefix + type.targetField();
        if (type == InboundType.DYNAMIC) {
            return new Dynamic();
        }
        String value = target.orElseThrow(() -> new InvalidInput(field, "is required when type is " + type));
        return switch (type) {
            case WEBRTC -> {
                if (!IdentityTokenRequest.IDENTITY.matcher(value).matches()) {
                    throw new InvalidInput(field, "must be 3 to 64 letters, digits or the characters _ . - + = /");
                }
                yield new ToIdentity(value);
            }
            case ROOM -> {
                if (!ROOM.matcher(value).matches()) {
                    throw new InvalidInput(field, "must be 3 to 250 letters, digits or the characters _ . - + =");
                }
                yield new ToRoom(value);
            }
            case SIP -> new ToSipUri(SipUri.parse(field, value));
            case PHONE -> new ToPhoneNumber(E164.require(field, value));
            case DYNAMIC -> new Dynamic();
        };
    }

    /** Reads a stored destination back; the stored values were validated when written. */
    static InboundDestination stored(InboundType type, Optional<String> target) {
        return of(type, target, "");
    }
}
