package dev.parley.protocol.stun;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.stun.StunAttribute.ErrorCode;
import dev.parley.protocol.stun.StunAttribute.IceControlled;
import dev.parley.protocol.stun.StunAttribute.IceControlling;
import dev.parley.protocol.stun.StunAttribute.Priority;
import dev.parley.protocol.stun.StunAttribute.Raw;
import dev.parley.protocol.stun.StunAttribute.Software;
import dev.parley.protocol.stun.StunAttribute.UseCandidate;
import dev.parley.protocol.stun.StunAttribute.Username;
import dev.parley.protocol.stun.StunAttribute.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A STUN message (RFC 8489 §5; the wire format is unchanged since RFC 5389).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |  Message Length (no header)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Magic Cookie 0x2112A442                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                 Transaction ID (96 bits)                      |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Attributes (type-length-value) ...
 *
 * Message Type:  M11..M7 | C1 | M6..M4 | C0 | M3..M0   (method M, class C)
 * </pre>
 *
 * <p>Parsing follows RFC 8489 §6.3 and §14: the length must be a multiple of 4 and fit in the
 * buffer (bytes after the message are ignored), every attribute must fit inside it, attributes
 * after MESSAGE-INTEGRITY other than FINGERPRINT and MESSAGE-INTEGRITY-SHA256 are dropped
 * (§14.5), and nothing may follow FINGERPRINT (§14.7). Authentication is not part of parsing:
 * {@link #verifyIntegrity} and {@link #verifyFingerprint} check the raw bytes, which is the
 * only form the sender's HMAC and CRC are defined over.
 *
 * @param method         12-bit method, {@link #BINDING} for everything ICE does
 * @param messageClass   request, indication, success or error response
 * @param transactionId  the 96-bit transaction id
 * @param attributes     in wire order
 */
public record StunMessage(int method, StunClass messageClass, TransactionId transactionId,
                          List<StunAttribute> attributes) {

    public static final int MAGIC_COOKIE = 0x2112A442;
    /** The Binding method (RFC 8489 §18.2). */
    public static final int BINDING = 0x001;

    public StunMessage {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("a STUN method is 12 bits, not " + method);
        }
        Objects.requireNonNull(messageClass);
        Objects.requireNonNull(transactionId);
        attributes = List.copyOf(attributes);
    }

    /** A builder for a message to send; it can append MESSAGE-INTEGRITY and FINGERPRINT. */
    public static StunMessageBuilder builder(int method, StunClass messageClass, TransactionId transactionId) {
        return new StunMessageBuilder(method, messageClass, transactionId);
    }

    /**
     * A cheap test for the RFC 7983 demultiplexer and for callers that must tell STUN from
     * other traffic on one port: the header checks of {@link #parse} without reading attributes.
     * It counts nothing, because not being STUN is not an error here.
     */
    public static boolean looksLikeStun(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return Wire.messageSize(buf, off, len) > 0;
    }

    /**
     * Parses the message at {@code buf[off..off+len)}. Malformed input yields empty and bumps
     * {@link Malformed.Kind#STUN}; it never throws, except for an {@code off}/{@code len} that do
     * not lie inside {@code buf}, which is the caller's bug rather than bad bytes.
     */
    public static Optional<StunMessage> parse(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int size = Wire.messageSize(buf, off, len);
        if (size < 0) {
            return malformed();
        }
        int type = Bytes.getShort(buf, off);
        var id = TransactionId.read(buf, off + 8);
        var attributes = new ArrayList<StunAttribute>();
        int end = off + size;
        int pos = off + Wire.HEADER;
        boolean afterIntegrity = false;
        boolean afterFingerprint = false;
        while (pos < end) {
            if (afterFingerprint || end - pos < Wire.ATTRIBUTE_HEADER) {
                return malformed();
            }
            int attributeType = Bytes.getShort(buf, pos);
            int valueLength = Bytes.getShort(buf, pos + 2);
            int valueAt = pos + Wire.ATTRIBUTE_HEADER;
            if (Bytes.padded(valueLength) > end - valueAt) {
                return malformed();
            }
            if (!afterIntegrity || attributeType == StunAttribute.FINGERPRINT
                    || attributeType == StunAttribute.MESSAGE_INTEGRITY_SHA256) {
                var attribute = AttributeCodec.decode(attributeType, buf, valueAt, valueLength, id);
                if (attribute.isEmpty()) {
                    return malformed();
                }
                attributes.add(attribute.get());
            }
            afterIntegrity |= attributeType == StunAttribute.MESSAGE_INTEGRITY;
            afterFingerprint |= attributeType == StunAttribute.FINGERPRINT;
            pos = valueAt + Bytes.padded(valueLength);
        }
        return Optional.of(new StunMessage(StunClass.methodOfMessageType(type), StunClass.ofMessageType(type),
                id, attributes));
    }

    /** Parses a whole array. */
    public static Optional<StunMessage> parse(byte[] buf) {
        return parse(buf, 0, buf.length);
    }

    /**
     * Checks MESSAGE-INTEGRITY on the raw message: HMAC-SHA1 keyed with {@code key} over the
     * message up to that attribute, the length field adjusted to end there (RFC 8489 §14.5).
     * For ICE's short-term credentials the key is the password's UTF-8 bytes; RFC 8489 asks for
     * OpaqueString (SASLprep) first, which changes nothing for ICE passwords because they are
     * limited to the ASCII letters, digits, '+' and '/' (RFC 8445 §5.3, ice-char).
     * False when the message is malformed, has no MESSAGE-INTEGRITY, or the key is empty.
     */
    public static boolean verifyIntegrity(byte[] buf, int off, int len, byte[] key) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return Wire.verifyIntegrity(buf, off, len, key);
    }

    /**
     * Checks FINGERPRINT on the raw message: it must be the last attribute and equal the CRC-32
     * of everything before it xor {@code 0x5354554e} (RFC 8489 §14.7). False when absent.
     */
    public static boolean verifyFingerprint(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return Wire.verifyFingerprint(buf, off, len);
    }

    /**
     * The message as it stands, attributes in order and values verbatim: a parsed message comes
     * back with its original MESSAGE-INTEGRITY and FINGERPRINT values (padding is written as
     * zeros). To send a new message, use {@link #builder}, which computes both.
     */
    public byte[] encode() {
        var builder = builder(method, messageClass, transactionId);
        attributes.forEach(builder::addVerbatim);
        return builder.encode();
    }

    /** The first attribute of the given record type. */
    public <T extends StunAttribute> Optional<T> first(Class<T> kind) {
        for (StunAttribute attribute : attributes) {
            if (kind.isInstance(attribute)) {
                return Optional.of(kind.cast(attribute));
            }
        }
        return Optional.empty();
    }

    /** True when an attribute of this wire type is present. */
    public boolean has(int attributeType) {
        for (StunAttribute attribute : attributes) {
            if (attribute.type() == attributeType) {
                return true;
            }
        }
        return false;
    }

    public boolean isBindingRequest() {
        return method == BINDING && messageClass == StunClass.REQUEST;
    }

    public Optional<String> username() {
        return first(Username.class).map(Username::value);
    }

    public Optional<String> software() {
        return first(Software.class).map(Software::value);
    }

    public OptionalLong priority() {
        var priority = first(Priority.class);
        return priority.isPresent() ? OptionalLong.of(priority.get().value()) : OptionalLong.empty();
    }

    public boolean useCandidate() {
        return first(UseCandidate.class).isPresent();
    }

    /** The tie breaker of ICE-CONTROLLING, when the sender claims the controlling role. */
    public OptionalLong iceControlling() {
        var controlling = first(IceControlling.class);
        return controlling.isPresent() ? OptionalLong.of(controlling.get().tieBreaker()) : OptionalLong.empty();
    }

    /** The tie breaker of ICE-CONTROLLED, when the sender claims the controlled role. */
    public OptionalLong iceControlled() {
        var controlled = first(IceControlled.class);
        return controlled.isPresent() ? OptionalLong.of(controlled.get().tieBreaker()) : OptionalLong.empty();
    }

    public Optional<InetSocketAddress> xorMappedAddress() {
        return first(XorMappedAddress.class).map(XorMappedAddress::address);
    }

    public Optional<ErrorCode> errorCode() {
        return first(ErrorCode.class);
    }

    public boolean hasMessageIntegrity() {
        return has(StunAttribute.MESSAGE_INTEGRITY);
    }

    public boolean hasFingerprint() {
        return has(StunAttribute.FINGERPRINT);
    }

    /**
     * The comprehension-required attribute types this implementation does not understand, in
     * order: a non-empty list means a request must be answered with 420 and an UNKNOWN-ATTRIBUTES
     * listing them (RFC 8489 §6.3.1). MAPPED-ADDRESS and MESSAGE-INTEGRITY-SHA256 are understood
     * without a typed record: the first is harmless, the second is optional next to
     * MESSAGE-INTEGRITY.
     */
    public List<Integer> unknownComprehensionRequired() {
        var unknown = new ArrayList<Integer>(0);
        for (StunAttribute attribute : attributes) {
            if (attribute instanceof Raw raw && raw.comprehensionRequired()
                    && raw.type() != StunAttribute.MAPPED_ADDRESS
                    && raw.type() != StunAttribute.MESSAGE_INTEGRITY_SHA256
                    && !unknown.contains(raw.type())) {
                unknown.add(raw.type());
            }
        }
        return List.copyOf(unknown);
    }

    private static Optional<StunMessage> malformed() {
        Malformed.count(Malformed.Kind.STUN);
        return Optional.empty();
    }
}
