package dev.parley.protocol.stun;

import dev.parley.protocol.stun.StunAttribute.ErrorCode;
import dev.parley.protocol.stun.StunAttribute.Fingerprint;
import dev.parley.protocol.stun.StunAttribute.IceControlled;
import dev.parley.protocol.stun.StunAttribute.IceControlling;
import dev.parley.protocol.stun.StunAttribute.MessageIntegrity;
import dev.parley.protocol.stun.StunAttribute.Priority;
import dev.parley.protocol.stun.StunAttribute.Raw;
import dev.parley.protocol.stun.StunAttribute.Software;
import dev.parley.protocol.stun.StunAttribute.UnknownAttributes;
import dev.parley.protocol.stun.StunAttribute.UseCandidate;
import dev.parley.protocol.stun.StunAttribute.Username;
import dev.parley.protocol.stun.StunAttribute.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

/**
 * Attribute values to and from bytes. Decoding returns empty for a value that breaks its
 * attribute's rules (wrong length, bad UTF-8, unknown address family); the message parser then
 * refuses the whole message, because a known attribute with a broken value is not something a
 * peer that speaks STUN sends.
 */
final class AttributeCodec {

    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private AttributeCodec() {
    }

    static Optional<StunAttribute> decode(int type, byte[] buf, int off, int len, TransactionId id) {
        return switch (type) {
            case StunAttribute.USERNAME -> utf8(buf, off, len, Username.MAX_BYTES).map(Username::new);
            case StunAttribute.SOFTWARE -> utf8(buf, off, len, ErrorCode.MAX_REASON_BYTES).map(Software::new);
            case StunAttribute.MESSAGE_INTEGRITY -> len == MessageIntegrity.LENGTH
                    ? Optional.of(new MessageIntegrity(Arrays.copyOfRange(buf, off, off + len)))
                    : Optional.empty();
            case StunAttribute.FINGERPRINT -> len == 4
                    ? Optional.of(new Fingerprint(Bytes.getInt(buf, off))) : Optional.empty();
            case StunAttribute.PRIORITY -> len == 4
                    ? Optional.of(new Priority(Bytes.getInt(buf, off) & 0xFFFF_FFFFL)) : Optional.empty();
            case StunAttribute.USE_CANDIDATE -> len == 0 ? Optional.of(new UseCandidate()) : Optional.empty();
            case StunAttribute.ICE_CONTROLLING -> len == 8
                    ? Optional.of(new IceControlling(Bytes.getLong(buf, off))) : Optional.empty();
            case StunAttribute.ICE_CONTROLLED -> len == 8
                    ? Optional.of(new IceControlled(Bytes.getLong(buf, off))) : Optional.empty();
            case StunAttribute.XOR_MAPPED_ADDRESS -> xorAddress(buf, off, len, id).map(XorMappedAddress::new);
            case StunAttribute.ERROR_CODE -> errorCode(buf, off, len);
            case StunAttribute.UNKNOWN_ATTRIBUTES -> unknownAttributes(buf, off, len);
            default -> Optional.of(new Raw(type, Arrays.copyOfRange(buf, off, off + len)));
        };
    }

    /** The value bytes of {@code attribute}, unpadded. */
    static byte[] encode(StunAttribute attribute, TransactionId id) {
        return switch (attribute) {
            case Username u -> u.value().getBytes(StandardCharsets.UTF_8);
            case Software s -> s.value().getBytes(StandardCharsets.UTF_8);
            case MessageIntegrity mi -> mi.hmac();
            case Fingerprint f -> intBytes(f.crc());
            case Priority p -> intBytes((int) p.value());
            case UseCandidate _ -> new byte[0];
            case IceControlling c -> longBytes(c.tieBreaker());
            case IceControlled c -> longBytes(c.tieBreaker());
            case XorMappedAddress x -> xorAddress(x.address(), id);
            case ErrorCode e -> errorCode(e);
            case UnknownAttributes u -> unknownAttributes(u);
            case Raw r -> r.value();
        };
    }

    private static Optional<String> utf8(byte[] buf, int off, int len, int maxBytes) {
        if (len > maxBytes) {
            return Optional.empty();
        }
        // A strict decoder: the default String constructor would quietly replace bad bytes.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(buf, off, len)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /*
     * XOR-MAPPED-ADDRESS (RFC 8489 §14.2):
     *   0: reserved, 1: family (1 = IPv4, 2 = IPv6), 2-3: port xor 0x2112,
     *   4-: address xor the magic cookie (IPv4) or xor cookie || transaction id (IPv6).
     */
    private static Optional<InetSocketAddress> xorAddress(byte[] buf, int off, int len, TransactionId id) {
        if (len < 4) {
            return Optional.empty();
        }
        int family = buf[off + 1] & 0xFF;
        int addressLength = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (len != 4 + addressLength) {
            return Optional.empty();
        }
        int port = Bytes.getShort(buf, off + 2) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] address = Arrays.copyOfRange(buf, off + 4, off + len);
        xorWithCookieAndId(address, id);
        try {
            // getByAddress never resolves a name; it only fails for a length other than 4 or 16.
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(address), port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] xorAddress(InetSocketAddress socketAddress, TransactionId id) {
        byte[] address = socketAddress.getAddress().getAddress();
        byte[] value = new byte[4 + address.length];
        value[1] = (byte) (address.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        Bytes.putShort(value, 2, socketAddress.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16));
        xorWithCookieAndId(address, id);
        System.arraycopy(address, 0, value, 4, address.length);
        return value;
    }

    /** Xors 4 or 16 address bytes with the magic cookie followed by the transaction id. */
    private static void xorWithCookieAndId(byte[] address, TransactionId id) {
        byte[] mask = new byte[16];
        Bytes.putInt(mask, 0, StunMessage.MAGIC_COOKIE);
        id.writeTo(mask, 4);
        for (int i = 0; i < address.length; i++) {
            address[i] ^= mask[i];
        }
    }

    /*
     * ERROR-CODE (RFC 8489 §14.8): 21 reserved bits, a 3-bit class (3-6), an 8-bit number
     * (0-99), then the reason phrase.
     */
    private static Optional<StunAttribute> errorCode(byte[] buf, int off, int len) {
        if (len < 4) {
            return Optional.empty();
        }
        int errorClass = buf[off + 2] & 0x07;
        int number = buf[off + 3] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            return Optional.empty();
        }
        return utf8(buf, off + 4, len - 4, ErrorCode.MAX_REASON_BYTES)
                .map(reason -> new ErrorCode(errorClass * 100 + number, reason));
    }

    private static byte[] errorCode(ErrorCode error) {
        byte[] reason = error.reason().getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + reason.length];
        value[2] = (byte) error.errorClass();
        value[3] = (byte) error.number();
        System.arraycopy(reason, 0, value, 4, reason.length);
        return value;
    }

    private static Optional<StunAttribute> unknownAttributes(byte[] buf, int off, int len) {
        if (len % 2 != 0) {
            return Optional.empty();
        }
        var types = new ArrayList<Integer>(len / 2);
        for (int i = 0; i < len; i += 2) {
            types.add(Bytes.getShort(buf, off + i));
        }
        return Optional.of(new UnknownAttributes(types));
    }

    private static byte[] unknownAttributes(UnknownAttributes unknown) {
        byte[] value = new byte[2 * unknown.types().size()];
        for (int i = 0; i < unknown.types().size(); i++) {
            Bytes.putShort(value, 2 * i, unknown.types().get(i));
        }
        return value;
    }

    private static byte[] intBytes(int value) {
        byte[] bytes = new byte[4];
        Bytes.putInt(bytes, 0, value);
        return bytes;
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        Bytes.putLong(bytes, 0, value);
        return bytes;
    }
}
