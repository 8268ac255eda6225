package dev.parley.protocol.stun;

import dev.parley.protocol.stun.StunAttribute.Fingerprint;
import dev.parley.protocol.stun.StunAttribute.MessageIntegrity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a STUN message: the attributes in the order added, then MESSAGE-INTEGRITY when a key
 * was given, then FINGERPRINT when asked for, the order RFC 8489 §14.5 and §14.7 require.
 * Padding is written as zeros. Not thread-safe; one builder makes one message (it can encode
 * more than once).
 *
 * <pre>{@code
 * byte[] check = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, id)
 *         .add(new Username("remote:local"))
 *         .add(new UseCandidate())
 *         .integrity(password)
 *         .fingerprint()
 *         .encode();
 * }</pre>
 */
public final class StunMessageBuilder {

    private static final int MAX_BODY = 0xFFFC;

    private final int method;
    private final StunClass messageClass;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes = new ArrayList<>();
    private byte[] integrityKey = new byte[0];
    private boolean fingerprint;

    StunMessageBuilder(int method, StunClass messageClass, TransactionId transactionId) {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("a STUN method is 12 bits, not " + method);
        }
        this.method = method;
        this.messageClass = Objects.requireNonNull(messageClass);
        this.transactionId = Objects.requireNonNull(transactionId);
    }

    /**
     * Appends an attribute. MESSAGE-INTEGRITY and FINGERPRINT are refused here: their values
     * depend on the whole message, so {@link #integrity} and {@link #fingerprint} compute them.
     */
    public StunMessageBuilder add(StunAttribute attribute) {
        if (attribute instanceof MessageIntegrity || attribute instanceof Fingerprint) {
            throw new IllegalArgumentException("use integrity(key) and fingerprint() instead of adding "
                    + attribute.getClass().getSimpleName());
        }
        attributes.add(Objects.requireNonNull(attribute));
        return this;
    }

    /** Appends an attribute as it is, even MESSAGE-INTEGRITY or FINGERPRINT (re-encoding). */
    StunMessageBuilder addVerbatim(StunAttribute attribute) {
        attributes.add(attribute);
        return this;
    }

    /** Ends the attributes with MESSAGE-INTEGRITY keyed with {@code key} (for ICE, the password's UTF-8 bytes). */
    public StunMessageBuilder integrity(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an empty MESSAGE-INTEGRITY key");
        }
        this.integrityKey = key.clone();
        return this;
    }

    /** Appends FINGERPRINT after everything else. */
    public StunMessageBuilder fingerprint() {
        this.fingerprint = true;
        return this;
    }

    public byte[] encode() {
        var values = new ArrayList<byte[]>(attributes.size());
        int body = 0;
        for (StunAttribute attribute : attributes) {
            byte[] value = AttributeCodec.encode(attribute, transactionId);
            values.add(value);
            body += Wire.ATTRIBUTE_HEADER + Bytes.padded(value.length);
        }
        int integrityAt = Wire.HEADER + body;
        body += integrityKey.length > 0 ? Wire.ATTRIBUTE_HEADER + MessageIntegrity.LENGTH : 0;
        int fingerprintAt = Wire.HEADER + body;
        body += fingerprint ? Wire.ATTRIBUTE_HEADER + 4 : 0;
        if (body > MAX_BODY) {
            throw new IllegalArgumentException("STUN message body of " + body + " bytes exceeds 65532");
        }

        byte[] out = new byte[Wire.HEADER + body];
        Bytes.putShort(out, 0, messageClass.messageType(method));
        Bytes.putShort(out, 2, body);
        Bytes.putInt(out, 4, StunMessage.MAGIC_COOKIE);
        transactionId.writeTo(out, 8);
        int pos = Wire.HEADER;
        for (int i = 0; i < values.size(); i++) {
            pos = writeAttribute(out, pos, attributes.get(i).type(), values.get(i));
        }
        if (integrityKey.length > 0) {
            // Wire.hmac adjusts the length field to end at MESSAGE-INTEGRITY itself.
            writeAttribute(out, integrityAt, StunAttribute.MESSAGE_INTEGRITY, Wire.hmac(integrityKey, out, 0, integrityAt));
        }
        if (fingerprint) {
            byte[] crc = new byte[4];
            Bytes.putInt(crc, 0, Wire.fingerprint(out, 0, fingerprintAt));
            writeAttribute(out, fingerprintAt, StunAttribute.FINGERPRINT, crc);
        }
        return out;
    }

    private static int writeAttribute(byte[] out, int pos, int type, byte[] value) {
        Bytes.putShort(out, pos, type);
        Bytes.putShort(out, pos + 2, value.length);
        System.arraycopy(value, 0, out, pos + Wire.ATTRIBUTE_HEADER, value.length);
        return pos + Wire.ATTRIBUTE_HEADER + Bytes.padded(value.length);
    }
}
