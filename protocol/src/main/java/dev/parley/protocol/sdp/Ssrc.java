package dev.parley.protocol.sdp;

import java.util.List;
import java.util.Optional;

/**
 * All {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} lines of one SSRC (RFC 5576 section 4.1),
 * grouped: the {@code cname} (RFC 7022), the {@code msid} Chrome repeats there, and any other
 * source attributes (old {@code mslabel}/{@code label}) in their order.
 */
public record Ssrc(long id, Optional<String> cname, Optional<Msid> msid, List<Attribute> attributes) {

    public Ssrc {
        Syntax.range(id, 0, 0xffffffffL, "ssrc");
        cname.ifPresent(c -> Syntax.text(c, "cname"));
        attributes = List.copyOf(attributes);
        if (cname.isEmpty() && msid.isEmpty() && attributes.isEmpty()) {
            throw new IllegalArgumentException("an ssrc needs at least one attribute (RFC 5576 has no bare a=ssrc)");
        }
        for (Attribute a : attributes) {
            // A second cname or msid may follow the first, but not stand in for it: it would read back as the first.
            if ((a.name().equals("cname") && cname.isEmpty()) || (a.name().equals("msid") && msid.isEmpty())) {
                throw new IllegalArgumentException("ssrc " + a.name() + " belongs in its own field");
            }
        }
    }

    public static Ssrc of(long id, String cname) {
        return new Ssrc(id, Optional.of(cname), Optional.empty(), List.of());
    }

    public static Ssrc of(long id, String cname, Msid msid) {
        return new Ssrc(id, Optional.of(cname), Optional.of(msid), List.of());
    }
}
