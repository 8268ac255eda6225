package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605 section 2.1). With
 * rtcp-mux it only repeats the RTP port; Chrome writes {@code a=rtcp:9 IN IP4 0.0.0.0}.
 */
public record Rtcp(int port, Optional<Connection> connection) {

    public Rtcp {
        Syntax.range(port, 0, 65535, "rtcp port");
    }

    static Rtcp parse(String value) {
        var words = Syntax.words(value);
        if (words.size() != 1 && words.size() != 4) {
            throw new IllegalArgumentException("a=rtcp needs <port> [<nettype> <addrtype> <address>]");
        }
        int port = Syntax.integer(words.getFirst(), 0, 65535, "rtcp port");
        return new Rtcp(port, words.size() == 1 ? Optional.empty()
                : Optional.of(new Connection(words.get(1), words.get(2), words.get(3))));
    }

    String sdpValue() {
        return connection.map(c -> port + " " + c.sdpValue()).orElse(Integer.toString(port));
    }
}
