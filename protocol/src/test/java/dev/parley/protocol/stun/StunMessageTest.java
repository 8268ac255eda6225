package dev.parley.protocol.stun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
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
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StunMessageTest {

    private static final byte[] KEY = "a-password-of-22-chars+".getBytes(UTF_8);
    private static final TransactionId ID = TransactionId.random(new SplittableRandom(7));

    /** One of every attribute we type, plus two we do not, then MESSAGE-INTEGRITY and FINGERPRINT. */
    static byte[] everyAttribute() {
        return StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, ID)
                .add(new Username("abcd:efghi"))
                .add(new Software("parley ✓"))
                .add(new Priority(0xFFFF_FFFFL))
                .add(new UseCandidate())
                .add(new IceControlling(-2L))
                .add(new IceControlled(0x0102030405060708L))
                .add(new XorMappedAddress(new InetSocketAddress("203.0.113.9", 65535)))
                .add(new XorMappedAddress(new InetSocketAddress("2001:db8::1", 1)))
                .add(new ErrorCode(487, "Role Conflict"))
                .add(new UnknownAttributes(List.of(0x0033, 0x7FFF, 0x0001)))
                .add(new Raw(0xC057, new byte[] {0, 1, 0, 10}))
                .add(new Raw(0x0033, new byte[] {9}))
                .integrity(KEY)
                .fingerprint()
                .encode();
    }

    @Test
    void messageTypesInterleaveMethodAndClass() {
        assertEquals(0x0001, StunClass.REQUEST.messageType(StunMessage.BINDING));
        assertEquals(0x0011, StunClass.INDICATION.messageType(StunMessage.BINDING));
        assertEquals(0x0101, StunClass.SUCCESS_RESPONSE.messageType(StunMessage.BINDING));
        assertEquals(0x0111, StunClass.ERROR_RESPONSE.messageType(StunMessage.BINDING));
        assertEquals(0x3EEF, StunClass.REQUEST.messageType(0xFFF));
        for (StunClass c : StunClass.values()) {
            for (int method : new int[] {0x000, 0x001, 0x003, 0x0A5, 0x800, 0xFFF}) {
                int type = c.messageType(method);
                assertEquals(c, StunClass.ofMessageType(type));
                assertEquals(method, StunClass.methodOfMessageType(type));
            }
        }
    }

    @Test
    void everyAttributeRoundTrips() {
        byte[] bytes = everyAttribute();
        var message = StunMessage.parse(bytes).orElseThrow();
        assertEquals(ID, message.transactionId());
        assertEquals(14, message.attributes().size());
        assertEquals("abcd:efghi", message.username().orElseThrow());
        assertEquals("parley ✓", message.software().orElseThrow());
        assertEquals(0xFFFF_FFFFL, message.priority().orElseThrow());
        assertTrue(message.useCandidate());
        assertEquals(-2L, message.iceControlling().orElseThrow());
        assertEquals(0x0102030405060708L, message.iceControlled().orElseThrow());
        assertEquals(new InetSocketAddress("203.0.113.9", 65535), message.xorMappedAddress().orElseThrow());
        assertEquals(new XorMappedAddress(new InetSocketAddress("2001:db8::1", 1)), message.attributes().get(7));
        var error = message.errorCode().orElseThrow();
        assertEquals(487, error.code());
        assertEquals(4, error.errorClass());
        assertEquals(87, error.number());
        assertEquals("Role Conflict", error.reason());
        assertEquals(new UnknownAttributes(List.of(0x0033, 0x7FFF, 0x0001)), message.attributes().get(9));
        assertEquals(new Raw(0xC057, new byte[] {0, 1, 0, 10}), message.attributes().get(10));
        assertEquals(List.of(0x0033), message.unknownComprehensionRequired());
        assertTrue(message.hasMessageIntegrity());
        assertTrue(message.hasFingerprint());
        assertTrue(StunMessage.verifyIntegrity(bytes, 0, bytes.length, KEY));
        assertTrue(StunMessage.verifyFingerprint(bytes, 0, bytes.length));
        // Values verbatim and zero padding: a parsed message encodes to the same bytes.
        assertArrayEquals(bytes, message.encode());
        assertEquals(message, StunMessage.parse(message.encode()).orElseThrow());
    }

    @Test
    void aMessageWithoutAttributesIsTwentyBytes() {
        byte[] bytes = StunMessage.builder(StunMessage.BINDING, StunClass.INDICATION, ID).encode();
        assertEquals(20, bytes.length);
        var message = StunMessage.parse(bytes).orElseThrow();
        assertEquals(StunClass.INDICATION, message.messageClass());
        assertTrue(message.attributes().isEmpty());
        assertFalse(StunMessage.verifyIntegrity(bytes, 0, 20, KEY));
        assertFalse(StunMessage.verifyFingerprint(bytes, 0, 20));
    }

    @Test
    void aMessageInsideALargerBufferIsReadInPlace() {
        byte[] message = everyAttribute();
        byte[] buffer = new byte[message.length + 13];
        Arrays.fill(buffer, (byte) 0x5A);
        System.arraycopy(message, 0, buffer, 7, message.length);
        assertTrue(StunMessage.looksLikeStun(buffer, 7, message.length));
        assertTrue(StunMessage.parse(buffer, 7, message.length).isPresent());
        assertTrue(StunMessage.verifyIntegrity(buffer, 7, message.length, KEY));
        assertTrue(StunMessage.verifyFingerprint(buffer, 7, message.length));
        // Bytes after the message's own length are not part of it.
        assertTrue(StunMessage.verifyIntegrity(buffer, 7, message.length + 6, KEY));
        assertEquals(StunMessage.parse(message), StunMessage.parse(buffer, 7, message.length + 6));
    }

    @Test
    void integrityIgnoresWhatFollowsItButFingerprintDoesNot() {
        byte[] bytes = everyAttribute();
        bytes[bytes.length - 1] ^= 1;
        assertTrue(StunMessage.verifyIntegrity(bytes, 0, bytes.length, KEY));
        assertFalse(StunMessage.verifyFingerprint(bytes, 0, bytes.length));
    }

    @Test
    void integrityFailsForTheWrongOrAnEmptyKey() {
        byte[] bytes = everyAttribute();
        assertFalse(StunMessage.verifyIntegrity(bytes, 0, bytes.length, "another-password-22-chars".getBytes(UTF_8)));
        assertFalse(StunMessage.verifyIntegrity(bytes, 0, bytes.length, new byte[0]));
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnoredExceptFingerprint() {
        byte[] bytes = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, ID)
                .add(new Username("a:b"))
                .addVerbatim(new MessageIntegrity(new byte[20]))
                .add(new Raw(0x0033, new byte[4]))
                .add(new UseCandidate())
                .addVerbatim(new Fingerprint(0))
                .encode();
        var message = StunMessage.parse(bytes).orElseThrow();
        assertEquals(List.of(StunAttribute.USERNAME, StunAttribute.MESSAGE_INTEGRITY, StunAttribute.FINGERPRINT),
                message.attributes().stream().map(StunAttribute::type).toList());
        assertFalse(message.useCandidate());
        assertTrue(message.unknownComprehensionRequired().isEmpty());
    }

    @Test
    void comprehensionOptionalAndUnderstoodRawTypesAreNotUnknown() {
        byte[] bytes = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, ID)
                .add(new Raw(0xC057, new byte[4]))
                .add(new Raw(StunAttribute.MAPPED_ADDRESS, new byte[] {0, 1, 0, 1, 1, 2, 3, 4}))
                .add(new Raw(0x0042, new byte[0]))
                .add(new Raw(0x0042, new byte[1]))
                .add(new Raw(0x0043, new byte[2]))
                .encode();
        assertEquals(List.of(0x0042, 0x0043), StunMessage.parse(bytes).orElseThrow().unknownComprehensionRequired());
    }

    @Test
    void theBuilderComputesIntegrityAndFingerprintItself() {
        var builder = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, ID);
        assertThrows(IllegalArgumentException.class, () -> builder.add(new MessageIntegrity(new byte[20])));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new Fingerprint(1)));
        assertThrows(IllegalArgumentException.class, () -> builder.integrity(new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> StunMessage.builder(0x1000, StunClass.REQUEST, ID));
    }

    @Test
    void anOversizedMessageIsRefusedWhenBuilt() {
        var builder = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, ID)
                .add(new Raw(0x8001, new byte[0xFFF0]))
                .add(new Raw(0x8001, new byte[16]));
        assertThrows(IllegalArgumentException.class, builder::encode);
    }

    @Test
    void looksLikeStunTellsStunFromOtherTraffic() {
        byte[] stun = everyAttribute();
        assertTrue(StunMessage.looksLikeStun(stun, 0, stun.length));
        byte[] rtp = stun.clone();
        rtp[0] = (byte) 0x80;
        assertFalse(StunMessage.looksLikeStun(rtp, 0, rtp.length));
        byte[] dtls = new byte[40];
        dtls[0] = 0x16;            // handshake record, DTLS 1.2: no magic cookie where STUN has it
        dtls[1] = (byte) 0xFE;
        dtls[2] = (byte) 0xFD;
        assertFalse(StunMessage.looksLikeStun(dtls, 0, dtls.length));
        byte[] oldStun = stun.clone();
        oldStun[4] = 0;            // RFC 3489 had no magic cookie; we do not speak it
        assertFalse(StunMessage.looksLikeStun(oldStun, 0, oldStun.length));
        assertFalse(StunMessage.looksLikeStun(stun, 0, 19));
        assertFalse(StunMessage.looksLikeStun(stun, 0, stun.length - 4));
    }

    @Test
    void malformedMessagesAreRefusedAndCounted() {
        byte[] good = everyAttribute();
        assertMalformed(Arrays.copyOf(good, 19));
        assertMalformed(new byte[0]);
        assertMalformed(with(good, b -> set(b, 0, 0x40)));                   // top bits
        assertMalformed(with(good, b -> set(b, 0, 0x80)));
        assertMalformed(with(good, b -> set(b, 7, 0x43)));                   // magic cookie
        assertMalformed(with(good, b -> set(b, 3, b[3] + 2)));               // length % 4
        assertMalformed(Arrays.copyOf(good, good.length - 4));               // length past the end
        assertMalformed(attributeOnly(0x8001, 5, new byte[4]));              // value past the end
        assertMalformed(attributeOnly(StunAttribute.USERNAME, 2, new byte[] {(byte) 0xC3, 0x28, 0, 0}));
        assertMalformed(attributeOnly(StunAttribute.USERNAME, 2, new byte[] {(byte) 0xED, (byte) 0xA0, 0, 0}));
        assertMalformed(attributeOnly(StunAttribute.XOR_MAPPED_ADDRESS, 8, new byte[] {0, 3, 0, 0, 0, 0, 0, 0}));
        assertMalformed(attributeOnly(StunAttribute.XOR_MAPPED_ADDRESS, 8, new byte[] {0, 2, 0, 0, 0, 0, 0, 0}));
        assertMalformed(attributeOnly(StunAttribute.MESSAGE_INTEGRITY, 16, new byte[16]));
        assertMalformed(attributeOnly(StunAttribute.FINGERPRINT, 8, new byte[8]));
        assertMalformed(attributeOnly(StunAttribute.PRIORITY, 3, new byte[4]));
        assertMalformed(attributeOnly(StunAttribute.USE_CANDIDATE, 1, new byte[4]));
        assertMalformed(attributeOnly(StunAttribute.ICE_CONTROLLING, 4, new byte[4]));
        assertMalformed(attributeOnly(StunAttribute.ERROR_CODE, 4, new byte[] {0, 0, 7, 0}));
        assertMalformed(attributeOnly(StunAttribute.ERROR_CODE, 4, new byte[] {0, 0, 4, 100}));
        assertMalformed(attributeOnly(StunAttribute.ERROR_CODE, 2, new byte[4]));
        assertMalformed(attributeOnly(StunAttribute.UNKNOWN_ATTRIBUTES, 3, new byte[4]));
        assertMalformed(attributeOnly(StunAttribute.USERNAME, 513, new byte[516]));
        // Something after FINGERPRINT.
        byte[] afterFingerprint = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, ID)
                .addVerbatim(new Fingerprint(0)).add(new Raw(0x8001, new byte[0])).encode();
        assertMalformed(afterFingerprint);
    }

    @Test
    void wellFormedEdgeValuesAreAccepted() {
        assertTrue(StunMessage.parse(attributeOnly(StunAttribute.ERROR_CODE, 4, new byte[] {0, 0, 6, 99})).isPresent());
        assertTrue(StunMessage.parse(attributeOnly(StunAttribute.USERNAME, 512, new byte[512])).isPresent());
        assertTrue(StunMessage.parse(attributeOnly(0x8001, 0xFFF8, new byte[0xFFF8])).isPresent());
    }

    @Test
    void badBoundsAreTheCallersBug() {
        byte[] bytes = everyAttribute();
        assertThrows(IndexOutOfBoundsException.class, () -> StunMessage.parse(bytes, 1, bytes.length));
        assertThrows(IndexOutOfBoundsException.class, () -> StunMessage.looksLikeStun(bytes, -1, 4));
    }

    @Test
    void responsesCarryTheRightCodesAndAuthentication() {
        var request = StunMessage.parse(everyAttribute()).orElseThrow();
        assertError(StunResponses.badRequest(request), 400, Optional.empty());
        assertError(StunResponses.unauthenticated(request), 401, Optional.empty());
        assertError(StunResponses.roleConflict(request, KEY), 487, Optional.of(KEY));
        byte[] unknown = StunResponses.unknownAttributes(request, request.unknownComprehensionRequired(), KEY);
        assertError(unknown, 420, Optional.of(KEY));
        assertEquals(new UnknownAttributes(List.of(0x0033)),
                StunMessage.parse(unknown).orElseThrow().first(UnknownAttributes.class).orElseThrow());
    }

    private static void assertError(byte[] bytes, int code, Optional<byte[]> key) {
        var message = StunMessage.parse(bytes).orElseThrow();
        assertEquals(StunClass.ERROR_RESPONSE, message.messageClass());
        assertEquals(StunMessage.BINDING, message.method());
        assertEquals(ID, message.transactionId());
        assertEquals(code, message.errorCode().orElseThrow().code());
        assertEquals(key.isPresent(), message.hasMessageIntegrity());
        key.ifPresent(k -> assertTrue(StunMessage.verifyIntegrity(bytes, 0, bytes.length, k)));
        assertTrue(StunMessage.verifyFingerprint(bytes, 0, bytes.length));
    }

    /** A header with one attribute of the given type and declared length, then {@code value} as written. */
    private static byte[] attributeOnly(int type, int declaredLength, byte[] value) {
        byte[] out = new byte[20 + 4 + value.length];
        Bytes.putShort(out, 0, 0x0001);
        Bytes.putShort(out, 2, 4 + value.length);
        Bytes.putInt(out, 4, StunMessage.MAGIC_COOKIE);
        ID.writeTo(out, 8);
        Bytes.putShort(out, 20, type);
        Bytes.putShort(out, 22, declaredLength);
        System.arraycopy(value, 0, out, 24, value.length);
        return out;
    }

    private static byte[] with(byte[] bytes, UnaryOperator<byte[]> change) {
        return change.apply(bytes.clone());
    }

    private static byte[] set(byte[] bytes, int index, int value) {
        bytes[index] = (byte) value;
        return bytes;
    }

    private static void assertMalformed(byte[] bytes) {
        long before = Malformed.total(Malformed.Kind.STUN);
        assertEquals(Optional.empty(), StunMessage.parse(bytes));
        assertEquals(before + 1, Malformed.total(Malformed.Kind.STUN), "not counted");
    }
}
