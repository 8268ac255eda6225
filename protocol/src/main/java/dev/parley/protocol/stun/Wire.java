package dev.parley.protocol.stun;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks on raw STUN bytes: the header test, a bounds-checked walk to one attribute, the
 * HMAC-SHA1 of MESSAGE-INTEGRITY and the CRC-32 of FINGERPRINT. Working on the bytes as
 * received matters: re-encoding a parsed message could change padding and break the HMAC.
 */
final class Wire {

    static final int HEADER = 20;
    static final int ATTRIBUTE_HEADER = 4;
    static final int FINGERPRINT_XOR = 0x5354554e;
    private static final int INTEGRITY_ATTRIBUTE = ATTRIBUTE_HEADER + 20;

    private Wire() {
    }

    /**
     * The size of the STUN message at {@code off} (header plus attributes), or -1 when the
     * bytes are not one: too short, top two bits set, wrong magic cookie, a length that is not
     * a multiple of 4 or runs past {@code len}.
     */
    static int messageSize(byte[] buf, int off, int len) {
        if (len < HEADER || (buf[off] & 0xC0) != 0 || Bytes.getInt(buf, off + 4) != StunMessage.MAGIC_COOKIE) {
            return -1;
        }
        int bodyLength = Bytes.getShort(buf, off + 2);
        if ((bodyLength & 3) != 0 || bodyLength > len - HEADER) {
            return -1;
        }
        return HEADER + bodyLength;
    }

    /**
     * The absolute offset of the first attribute of {@code type}, or -1 when there is none or
     * the attribute list is broken before it is found.
     */
    static int findAttribute(byte[] buf, int off, int size, int type) {
        int end = off + size;
        int pos = off + HEADER;
        while (end - pos >= ATTRIBUTE_HEADER) {
            int valueLength = Bytes.getShort(buf, pos + 2);
            int next = pos + ATTRIBUTE_HEADER + Bytes.padded(valueLength);
            if (next > end) {
                return -1;
            }
            if (Bytes.getShort(buf, pos) == type) {
                return pos;
            }
            pos = next;
        }
        return -1;
    }

    static boolean verifyIntegrity(byte[] buf, int off, int len, byte[] key) {
        int size = messageSize(buf, off, len);
        if (size < 0 || key.length == 0) {
            return false;
        }
        int at = findAttribute(buf, off, size, StunAttribute.MESSAGE_INTEGRITY);
        if (at < 0 || Bytes.getShort(buf, at + 2) != 20) {
            return false;
        }
        byte[] expected = hmac(key, buf, off, at);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(buf, at + ATTRIBUTE_HEADER, at + INTEGRITY_ATTRIBUTE));
    }

    static boolean verifyFingerprint(byte[] buf, int off, int len) {
        int size = messageSize(buf, off, len);
        if (size < HEADER + 8) {
            return false;
        }
        // FINGERPRINT must be the last attribute, so it sits in the last 8 bytes; walking the list
        // makes sure those 8 bytes really start an attribute and are not inside another's value.
        int at = findAttribute(buf, off, size, StunAttribute.FINGERPRINT);
        if (at != off + size - 8 || Bytes.getShort(buf, at + 2) != 4) {
            return false;
        }
        return Bytes.getInt(buf, at + ATTRIBUTE_HEADER) == fingerprint(buf, off, at);
    }

    /**
     * HMAC-SHA1 over the message from {@code off} up to the MESSAGE-INTEGRITY attribute at
     * {@code integrityAt}, with the header's length field set as if that attribute were the last
     * one (RFC 8489 §14.5): whatever follows it, usually FINGERPRINT, is not covered.
     */
    static byte[] hmac(byte[] key, byte[] buf, int off, int integrityAt) {
        Mac mac = newMac(key);
        int coveredLength = integrityAt + INTEGRITY_ATTRIBUTE - off - HEADER;
        mac.update(buf, off, 2);
        mac.update((byte) (coveredLength >>> 8));
        mac.update((byte) coveredLength);
        mac.update(buf, off + 4, integrityAt - off - 4);
        return mac.doFinal();
    }

    /** CRC-32 of the message from {@code off} up to the FINGERPRINT at {@code fingerprintAt}, xor'ed. */
    static int fingerprint(byte[] buf, int off, int fingerprintAt) {
        var crc = new CRC32();
        crc.update(buf, off, fingerprintAt - off);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA1 is required of every Java platform; a raw key spec is always accepted.
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
