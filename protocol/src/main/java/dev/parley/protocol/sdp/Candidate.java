package dev.parley.protocol.sdp;

import dev.parley.protocol.Malformed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ICE candidate, {@code a=candidate:} (RFC 8839 section 5.1, tcptype from RFC 6544):
 *
 * <pre>
 * candidate:&lt;foundation&gt; &lt;component-id&gt; &lt;transport&gt; &lt;priority&gt;
 *           &lt;connection-address&gt; &lt;port&gt; typ &lt;cand-type&gt;
 *           [raddr &lt;address&gt;] [rport &lt;port&gt;] *(&lt;extension-name&gt; &lt;extension-value&gt;)
 *
 * candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 192.168.1.20 rport 46154 generation 0
 * </pre>
 *
 * The transport keeps its case (Chrome writes {@code udp}, Firefox {@code UDP}); the address
 * may be an mDNS name ({@code <uuid>.local}). Extensions other than raddr/rport/tcptype
 * ({@code generation}, {@code ufrag}, {@code network-id}, {@code network-cost}) are kept in order.
 */
public record Candidate(String foundation, int component, String transport, long priority, String address,
        int port, CandidateType type, Optional<String> relatedAddress, OptionalInt relatedPort,
        Optional<String> tcpType, List<Extension> extensions) {

    private static final String PREFIX = "candidate:";

    /** One {@code <extension-att-name> <extension-att-value>} pair. */
    public record Extension(String name, String value) {
        public Extension {
            Syntax.visible(name, "candidate extension name");
            Syntax.visible(value, "candidate extension value");
            if (name.equals("raddr") || name.equals("rport") || name.equals("tcptype")) {
                throw new IllegalArgumentException(name + " has its own candidate field");
            }
        }
    }

    public Candidate {
        Syntax.visible(foundation, "foundation");
        Syntax.range(component, 1, 256, "component id");
        Syntax.token(transport, "candidate transport");
        Syntax.range(priority, 0, 0xffffffffL, "candidate priority");
        Syntax.visible(address, "candidate address");
        Syntax.range(port, 0, 65535, "candidate port");
        relatedAddress.ifPresent(a -> Syntax.visible(a, "related address"));
        relatedPort.ifPresent(p -> Syntax.range(p, 0, 65535, "related port"));
        tcpType.ifPresent(t -> Syntax.visible(t, "tcptype"));
        extensions = List.copyOf(extensions);
    }

    /** A host candidate the way an ICE-lite server announces its single UDP port. */
    public static Candidate host(String foundation, int component, String transport, long priority,
            String address, int port) {
        return new Candidate(foundation, component, transport, priority, address, port, CandidateType.HOST,
                Optional.empty(), OptionalInt.empty(), Optional.empty(), List.of());
    }

    /**
     * Parses a trickled candidate as the browser hands it over ({@code candidate:...}),
     * with or without {@code a=} or the {@code candidate:} prefix. Never throws: a malformed
     * candidate is empty and counted.
     */
    public static Optional<Candidate> parse(String text) {
        try {
            String value = text.startsWith("a=") ? text.substring(2) : text;
            value = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
            return Optional.of(parseValue(Syntax.text(value, "candidate")));
        } catch (IllegalArgumentException e) {
            Malformed.count(Malformed.Kind.SDP);
            return Optional.empty();
        }
    }

    /** Parses what follows {@code a=candidate:}; throws {@link IllegalArgumentException} with the reason. */
    static Candidate parseValue(String value) {
        var w = Syntax.words(value);
        if (w.size() < 8 || !w.get(6).equals("typ")) {
            throw new IllegalArgumentException("a candidate needs <foundation> <component> <transport> <priority> "
                    + "<address> <port> typ <type>");
        }
        if (w.size() % 2 != 0) {
            throw new IllegalArgumentException("candidate extensions must come in name/value pairs");
        }
        String typeName = w.get(7);
        var type = CandidateType.fromSdpName(typeName).orElseThrow(
                () -> new IllegalArgumentException("unknown candidate type " + Syntax.quote(typeName)));
        Optional<String> raddr = Optional.empty();
        OptionalInt rport = OptionalInt.empty();
        Optional<String> tcpType = Optional.empty();
        var extensions = new ArrayList<Extension>();
        for (int i = 8; i < w.size(); i += 2) {
            String name = w.get(i);
            String v = w.get(i + 1);
            switch (name) {
                case "raddr" -> raddr = once(raddr, v, name);
                case "rport" -> {
                    if (rport.isPresent()) {
                        throw new IllegalArgumentException("candidate has two rport");
                    }
                    rport = OptionalInt.of(Syntax.integer(v, 0, 65535, "related port"));
                }
                case "tcptype" -> tcpType = once(tcpType, v, name);
                default -> extensions.add(new Extension(name, v));
            }
        }
        return new Candidate(w.get(0), Syntax.integer(w.get(1), 1, 256, "component id"), w.get(2),
                Syntax.number(w.get(3), 0, 0xffffffffL, "candidate priority"), w.get(4),
                Syntax.integer(w.get(5), 0, 65535, "candidate port"), type, raddr, rport, tcpType, extensions);
    }

    private static Optional<String> once(Optional<String> current, String value, String name) {
        if (current.isPresent()) {
            throw new IllegalArgumentException("candidate has two " + name);
        }
        return Optional.of(value);
    }

    /** What follows {@code a=candidate:}. */
    public String sdpValue() {
        var sb = new StringBuilder()
                .append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port)
                .append(" typ ").append(type.sdpName());
        relatedAddress.ifPresent(a -> sb.append(" raddr ").append(a));
        relatedPort.ifPresent(p -> sb.append(" rport ").append(p));
        tcpType.ifPresent(t -> sb.append(" tcptype ").append(t));
        extensions.forEach(e -> sb.append(' ').append(e.name()).append(' ').append(e.value()));
        return sb.toString();
    }

    /** The form a browser's {@code RTCIceCandidate.candidate} uses: {@code candidate:...}. */
    public String toTrickleString() {
        return PREFIX + sdpValue();
    }

    public Optional<Extension> extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }
}
