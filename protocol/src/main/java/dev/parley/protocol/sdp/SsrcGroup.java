package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc-id>...} (RFC 5576 section 4.2). WebRTC uses FID
 * (primary then RTX, RFC 4588), SIM (simulcast layers) and FEC-FR (primary then FlexFEC).
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

    public static final String FID = "FID";
    public static final String SIM = "SIM";
    public static final String FEC_FR = "FEC-FR";

    public SsrcGroup {
        Syntax.token(semantics, "ssrc-group semantics");
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.isEmpty()) {
            throw new IllegalArgumentException("an ssrc-group needs at least one ssrc");
        }
        for (long ssrc : ssrcs) {
            Syntax.range(ssrc, 0, 0xffffffffL, "ssrc");
        }
    }

    static SsrcGroup parse(String value) {
        var words = Syntax.words(value);
        if (words.size() < 2) {
            throw new IllegalArgumentException("a=ssrc-group needs <semantics> <ssrc>...");
        }
        var ssrcs = new ArrayList<Long>();
        for (String word : words.subList(1, words.size())) {
            ssrcs.add(Syntax.number(word, 0, 0xffffffffL, "ssrc"));
        }
        return new SsrcGroup(words.getFirst(), ssrcs);
    }

    String sdpValue() {
        var sb = new StringBuilder(semantics);
        ssrcs.forEach(s -> sb.append(' ').append(s));
        return sb.toString();
    }
}
