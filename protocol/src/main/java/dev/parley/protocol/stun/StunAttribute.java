package dev.parley.protocol.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One STUN attribute (RFC 8489 §14): a 16-bit type, a 16-bit value length, the value, and
 * padding to a 4-byte boundary. Types below {@code 0x8000} are comprehension-required: an
 * agent that does not understand one in a request must answer 420 (Unknown Attribute).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Type              |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Value (padded to 32 bits)                  ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The attributes ICE uses have typed records; anything else is kept as {@link Raw}.
 */
public sealed interface StunAttribute {

    int MAPPED_ADDRESS = 0x0001;
    int USERNAME = 0x0006;
    int MESSAGE_INTEGRITY = 0x0008;
    int ERROR_CODE = 0x0009;
    int UNKNOWN_ATTRIBUTES = 0x000A;
    int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    int XOR_MAPPED_ADDRESS = 0x0020;
    /** RFC 8445 §16.1. */
    int PRIORITY = 0x0024;
    /** RFC 8445 §16.1. */
    int USE_CANDIDATE = 0x0025;
    int SOFTWARE = 0x8022;
    int FINGERPRINT = 0x8028;
    /** RFC 8445 §16.1. */
    int ICE_CONTROLLED = 0x8029;
    /** RFC 8445 §16.1. */
    int ICE_CONTROLLING = 0x802A;

    /** The attribute type on the wire. */
    int type();

    /** True for types {@code 0x0000-0x7FFF}, which a receiver must understand (RFC 8489 §14). */
    static boolean comprehensionRequired(int type) {
        return (type & 0x8000) == 0;
    }

    /** USERNAME (§14.3): UTF-8, fewer than 513 bytes. ICE uses {@code "RFRAG:LFRAG"} as sent. */
    record Username(String value) implements StunAttribute {
        public static final int MAX_BYTES = 512;

        public Username {
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw new IllegalArgumentException("USERNAME longer than 512 bytes");
            }
        }

        @Override
        public int type() {
            return USERNAME;
        }
    }

    /**
     * MESSAGE-INTEGRITY (§14.5): HMAC-SHA1, 20 bytes. Parsed for completeness; checking it needs
     * the raw message, see {@link StunMessage#verifyIntegrity}. Writing one is the builder's job.
     */
    record MessageIntegrity(byte[] hmac) implements StunAttribute {
        public static final int LENGTH = 20;

        public MessageIntegrity {
            if (hmac.length != LENGTH) {
                throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes");
            }
            hmac = hmac.clone();
        }

        @Override
        public byte[] hmac() {
            return hmac.clone();
        }

        @Override
        public int type() {
            return MESSAGE_INTEGRITY;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MessageIntegrity that && Arrays.equals(hmac, that.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /** FINGERPRINT (§14.7): CRC-32 of the message before it, xor {@code 0x5354554e}. */
    record Fingerprint(int crc) implements StunAttribute {
        @Override
        public int type() {
            return FINGERPRINT;
        }
    }

    /** ERROR-CODE (§14.8): a code 300-699 (class * 100 + number) and a UTF-8 reason phrase. */
    record ErrorCode(int code, String reason) implements StunAttribute {
        public static final int BAD_REQUEST = 400;
        public static final int UNAUTHENTICATED = 401;
        public static final int UNKNOWN_ATTRIBUTE = 420;
        public static final int ROLE_CONFLICT = 487;
        /** RFC 8489 says fewer than 128 characters, at most 763 bytes. */
        public static final int MAX_REASON_BYTES = 763;

        public ErrorCode {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("ERROR-CODE must be 300-699, not " + code);
            }
            if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
                throw new IllegalArgumentException("ERROR-CODE reason longer than 763 bytes");
            }
        }

        /** The hundreds digit, 3-6. */
        public int errorClass() {
            return code / 100;
        }

        /** The code modulo 100. */
        public int number() {
            return code % 100;
        }

        @Override
        public int type() {
            return ERROR_CODE;
        }
    }

    /** UNKNOWN-ATTRIBUTES (§14.9): the comprehension-required types a 420 response refuses. */
    record UnknownAttributes(List<Integer> types) implements StunAttribute {
        public UnknownAttributes {
            types = List.copyOf(types);
            for (int type : types) {
                if (type < 0 || type > 0xFFFF) {
                    throw new IllegalArgumentException("attribute type out of range: " + type);
                }
            }
        }

        @Override
        public int type() {
            return UNKNOWN_ATTRIBUTES;
        }
    }

    /** XOR-MAPPED-ADDRESS (§14.2): the source address the server saw, IPv4 or IPv6. */
    record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
        public XorMappedAddress {
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("XOR-MAPPED-ADDRESS needs an IP address, not a host name");
            }
        }

        @Override
        public int type() {
            return XOR_MAPPED_ADDRESS;
        }
    }

    /** PRIORITY (RFC 8445 §7.1.1): an unsigned 32-bit candidate priority. */
    record Priority(long value) implements StunAttribute {
        public Priority {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("PRIORITY is an unsigned 32-bit value");
            }
        }

        @Override
        public int type() {
            return PRIORITY;
        }
    }

    /** USE-CANDIDATE (RFC 8445 §7.1.2): the controlling agent nominates this pair; no value. */
    record UseCandidate() implements StunAttribute {
        @Override
        public int type() {
            return USE_CANDIDATE;
        }
    }

    /** ICE-CONTROLLING (RFC 8445 §7.1.3): the sender is controlling; a 64-bit tie breaker. */
    record IceControlling(long tieBreaker) implements StunAttribute {
        @Override
        public int type() {
            return ICE_CONTROLLING;
        }
    }

    /** ICE-CONTROLLED (RFC 8445 §7.1.3): the sender is controlled; a 64-bit tie breaker. */
    record IceControlled(long tieBreaker) implements StunAttribute {
        @Override
        public int type() {
            return ICE_CONTROLLED;
        }
    }

    /** SOFTWARE (§14.14): a UTF-8 description of the sender, informational only. */
    record Software(String value) implements StunAttribute {
        public Software {
            if (value.getBytes(StandardCharsets.UTF_8).length > ErrorCode.MAX_REASON_BYTES) {
                throw new IllegalArgumentException("SOFTWARE longer than 763 bytes");
            }
        }

        @Override
        public int type() {
            return SOFTWARE;
        }
    }

    /** Any other attribute, value kept as received (without padding). */
    record Raw(int type, byte[] value) implements StunAttribute {
        public Raw {
            Objects.checkIndex(type, 0x10000);
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("attribute value longer than 65535 bytes");
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** True when a receiver that does not know this type must refuse the request. */
        public boolean comprehensionRequired() {
            return StunAttribute.comprehensionRequired(type);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Raw that && type == that.type && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return String.format("Raw[type=0x%04x, value=%s]", type, HexFormat.of().formatHex(value));
        }
    }
}
