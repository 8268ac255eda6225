package dev.parley.protocol.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SipStreamFramerTest {

    private static byte[] twoMessagesAndPings() {
        var out = new ByteArrayOutputStream();
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(SipMessageTest.invite().toBytes());
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Rfc4475.bytes(Rfc4475.LWSDISP));
        return out.toByteArray();
    }

    @Test
    void messagesAreCutByContentLengthWhateverTheChunking() {
        byte[] stream = twoMessagesAndPings();
        for (int chunk : new int[] {1, 3, 7, 64, stream.length}) {
            var framer = new SipStreamFramer();
            var messages = new ArrayList<byte[]>();
            int pings = 0;
            for (int i = 0; i < stream.length; i += chunk) {
                var output = framer.feed(stream, i, Math.min(chunk, stream.length - i));
                messages.addAll(output.messages());
                pings += output.pings();
                assertEquals(Optional.empty(), output.error());
            }
            assertEquals(2, messages.size(), "chunk " + chunk);
            assertEquals(2, pings, "chunk " + chunk);
            assertArrayEquals(SipMessageTest.invite().toBytes(), messages.get(0));
            assertEquals(SipMessageTest.invite(), SipParser.parse(messages.get(0)).orElseThrow());
            assertEquals(0, framer.buffered());
        }
    }

    @Test
    void aStreamMessageNeedsAContentLength() {
        byte[] noLength = Rfc4475.crlf("OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\n\n")
                .getBytes(StandardCharsets.US_ASCII);
        var output = new SipStreamFramer().feed(noLength, 0, noLength.length);
        assertEquals(Optional.of("stream message without Content-Length"), output.error());
    }

    @Test
    void limitsStopAPeerFromGrowingTheBuffer() {
        var framer = new SipStreamFramer(1024, 2048);
        byte[] endless = "X-Header: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(40)
                .getBytes(StandardCharsets.US_ASCII);
        var output = framer.feed(endless, 0, endless.length);
        assertTrue(output.error().isPresent());
        assertTrue(framer.feed(new byte[] {'\r', '\n'}, 0, 2).error().isPresent(), "broken stays broken");

        byte[] bigBody = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 99999\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.of("body longer than 2048 bytes"),
                new SipStreamFramer(1024, 2048).feed(bigBody, 0, bigBody.length).error());
    }

    @Test
    void partialMessagesWaitForTheirBody() {
        byte[] message = SipMessageTest.invite().toBytes();
        var framer = new SipStreamFramer();
        List<byte[]> none = framer.feed(message, 0, message.length - 1).messages();
        assertTrue(none.isEmpty());
        assertEquals(1, framer.feed(message, message.length - 1, 1).messages().size());
    }
}
