package dev.parley.protocol.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a start line, the headers (one value a line) and the body. Content-Length always
 * states the body's length, whatever the headers said.
 */
final class MessageWriter {

    private MessageWriter() {
    }

    static byte[] write(String startLine, SipHeaders headers, byte[] body) {
        var text = new StringBuilder(256 + 64 * headers.list().size()).append(startLine).append("\r\n");
        boolean lengthWritten = false;
        for (SipHeader header : headers.list()) {
            if (!header.is(HeaderNames.CONTENT_LENGTH)) {
                text.append(header.name()).append(": ").append(header.value()).append("\r\n");
            } else if (!lengthWritten) {
                // Where the message had it, so a parse and write keeps the header order.
                text.append(HeaderNames.CONTENT_LENGTH).append(": ").append(body.length).append("\r\n");
                lengthWritten = true;
            }
        }
        if (!lengthWritten) {
            text.append(HeaderNames.CONTENT_LENGTH).append(": ").append(body.length).append("\r\n");
        }
        text.append("\r\n");
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream(head.length + body.length);
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
