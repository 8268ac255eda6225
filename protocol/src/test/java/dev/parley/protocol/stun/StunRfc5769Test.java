package dev.parley.protocol.stun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 5769 §2.1-2.3: parse the published messages, check their HMAC and CRC, answer one. */
class StunRfc5769Test {

    private static final byte[] KEY = Rfc5769.PASSWORD.getBytes(UTF_8);
    private static final TransactionId ID = TransactionId.of(HexFormat.of().parseHex(Rfc5769.TRANSACTION_ID));

    @Test
    void sampleRequestParses() {
        var message = StunMessage.parse(Rfc5769.bytes(Rfc5769.REQUEST)).orElseThrow();
        assertEquals(StunMessage.BINDING, message.method());
        assertEquals(StunClass.REQUEST, message.messageClass());
        assertTrue(message.isBindingRequest());
        assertEquals(ID, message.transactionId());
        assertEquals("STUN test client", message.software().orElseThrow());
        assertEquals(OptionalLong.of(0x6e0001ffL), message.priority());
        assertEquals(OptionalLong.of(0x932ff9b151263b36L), message.iceControlled());
        assertEquals(OptionalLong.empty(), message.iceControlling());
        assertEquals("evtj:h6vY", message.username().orElseThrow());
        assertFalse(message.useCandidate());
        assertTrue(message.hasMessageIntegrity());
        assertTrue(message.hasFingerprint());
        assertEquals(6, message.attributes().size());
        assertTrue(message.unknownComprehensionRequired().isEmpty());
    }

    @Test
    void sampleRequestVerifies() {
        byte[] request = Rfc5769.bytes(Rfc5769.REQUEST);
        assertTrue(StunMessage.verifyIntegrity(request, 0, request.length, KEY));
        assertTrue(StunMessage.verifyFingerprint(request, 0, request.length));
        assertFalse(StunMessage.verifyIntegrity(request, 0, request.length, "VOkJxbRl1RmTxUk/WvJxBu".getBytes(UTF_8)));
    }

    @Test
    void sampleIpv4ResponseParsesAndVerifies() {
        byte[] response = Rfc5769.bytes(Rfc5769.IPV4_RESPONSE);
        var message = StunMessage.parse(response).orElseThrow();
        assertEquals(StunClass.SUCCESS_RESPONSE, message.messageClass());
        assertEquals(ID, message.transactionId());
        assertEquals("test vector", message.software().orElseThrow());
        assertEquals(new InetSocketAddress("192.0.2.1", 32853), message.xorMappedAddress().orElseThrow());
        assertTrue(StunMessage.verifyIntegrity(response, 0, response.length, KEY));
        assertTrue(StunMessage.verifyFingerprint(response, 0, response.length));
    }

    @Test
    void sampleIpv6ResponseParsesAndVerifies() {
        byte[] response = Rfc5769.bytes(Rfc5769.IPV6_RESPONSE);
        var message = StunMessage.parse(response).orElseThrow();
        assertEquals(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853),
                message.xorMappedAddress().orElseThrow());
        assertTrue(StunMessage.verifyIntegrity(response, 0, response.length, KEY));
        assertTrue(StunMessage.verifyFingerprint(response, 0, response.length));
    }

    @Test
    void everyByteOfTheRequestIsCovered() {
        byte[] request = Rfc5769.bytes(Rfc5769.REQUEST);
        int fingerprintAt = request.length - 8;
        for (int i = 0; i < request.length; i++) {
            byte[] tampered = request.clone();
            tampered[i] ^= 0x01;
            // The CRC covers everything before the FINGERPRINT value; the HMAC everything
            // before FINGERPRINT except its own value, so a flip there must fail one check.
            boolean integrity = StunMessage.verifyIntegrity(tampered, 0, tampered.length, KEY);
            boolean fingerprint = StunMessage.verifyFingerprint(tampered, 0, tampered.length);
            assertFalse(integrity && fingerprint, "byte " + i + " not covered");
            if (i < fingerprintAt) {
                assertFalse(fingerprint, "byte " + i + " not covered by the CRC");
            }
        }
    }

    @Test
    void ourAnswerToTheSampleRequestVerifies() {
        var request = StunMessage.parse(Rfc5769.bytes(Rfc5769.REQUEST)).orElseThrow();
        var mapped = new InetSocketAddress("192.0.2.1", 32853);
        byte[] response = StunResponses.bindingSuccess(request.transactionId(), mapped, KEY);

        assertTrue(StunMessage.verifyIntegrity(response, 0, response.length, KEY));
        assertTrue(StunMessage.verifyFingerprint(response, 0, response.length));
        var parsed = StunMessage.parse(response).orElseThrow();
        assertEquals(StunClass.SUCCESS_RESPONSE, parsed.messageClass());
        assertEquals(ID, parsed.transactionId());
        assertEquals(mapped, parsed.xorMappedAddress().orElseThrow());
        // The XOR-MAPPED-ADDRESS bytes are the ones the RFC prints for this address and id.
        byte[] vector = Rfc5769.bytes(Rfc5769.IPV4_RESPONSE);
        assertArrayEquals(Arrays.copyOfRange(vector, 36, 48), Arrays.copyOfRange(response, 20, 32));
    }

    @Test
    void ourIpv6XorMappedAddressMatchesTheRfc() {
        var mapped = new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853);
        byte[] response = StunResponses.bindingSuccess(ID, mapped, KEY);
        byte[] vector = Rfc5769.bytes(Rfc5769.IPV6_RESPONSE);
        assertArrayEquals(Arrays.copyOfRange(vector, 36, 60), Arrays.copyOfRange(response, 20, 44));
        assertTrue(StunMessage.verifyIntegrity(response, 0, response.length, KEY));
    }

    @Test
    void reencodingTheVectorKeepsItsHmacAndCrcValid() {
        // encode() writes values verbatim but pads with zeros, where the RFC pads with spaces;
        // put the RFC's padding back and the bytes are the vector again.
        byte[] vector = Rfc5769.bytes(Rfc5769.IPV4_RESPONSE);
        byte[] encoded = StunMessage.parse(vector).orElseThrow().encode();
        assertEquals(0, encoded[35]);
        encoded[35] = 0x20;
        assertArrayEquals(vector, encoded);
    }
}
