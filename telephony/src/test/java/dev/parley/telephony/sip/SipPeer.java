package dev.parley.telephony.sip;

import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.protocol.sip.SipMessage;
import dev.parley.protocol.sip.SipParser;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A hand-driven SIP peer on a loopback UDP socket: the test writes exactly the bytes it wants
 * (including broken ones) and reads what the stack sends back, parsed with the protocol module.
 */
final class SipPeer implements AutoCloseable {

    private final DatagramSocket socket;

    SipPeer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    String contact() {
        return "<sip:peer@127.0.0.1:" + port() + ">";
    }

    void send(String text, int port) {
        send(text.getBytes(StandardCharsets.UTF_8), port);
    }

    void send(SipMessage message, int port) {
        send(message.toBytes(), port);
    }

    void send(byte[] bytes, int port) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message within {@code timeout}, or empty. */
    Optional<SipMessage> poll(Duration timeout) {
        byte[] buffer = new byte[65_535];
        var packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<SipMessage> message = SipParser.parse(buffer, 0, packet.getLength());
        if (message.isEmpty()) {
            fail("the stack sent something unparsable: " + new String(buffer, 0, packet.getLength(),
                    StandardCharsets.UTF_8));
        }
        return message;
    }

    SipMessage next() {
        return poll(SipTestSupport.WAIT).orElseThrow(() -> new AssertionError("nothing from the stack"));
    }

    /** Skips messages until a request with {@code method}. */
    SipRequest nextRequest(String method) {
        while (true) {
            if (next() instanceof SipRequest request && request.is(method)) {
                return request;
            }
        }
    }

    /** Skips messages until a response with {@code status}. */
    SipResponse nextResponse(int status) {
        while (true) {
            if (next() instanceof SipResponse response && response.status() == status) {
                return response;
            }
        }
    }

    /** A request as a raw datagram text with CRLF line ends and a correct Content-Length. */
    static String request(String startLine, String headers, String body) {
        String head = (startLine + "\n" + headers.strip() + "\n").replace("\r\n", "\n").replace("\n\n", "\n")
                .replace("\n", "\r\n");
        return head + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Override
    public void close() {
        socket.close();
    }
}
