package dev.parley.protocol.sdp;

import java.util.List;

/**
 * {@code a=msid-semantic:WMS <stream-id>...} (draft-ietf-mmusic-msid, kept by RFC 8830
 * implementations). Chrome writes {@code a=msid-semantic: WMS} with a space after the colon;
 * both are read, the writer leaves the space out.
 */
public record MsidSemantic(String semantic, List<String> identifiers) {

    public MsidSemantic {
        Syntax.token(semantic, "msid semantic");
        identifiers = List.copyOf(identifiers);
        for (String id : identifiers) {
            Syntax.visible(id, "msid semantic identifier");
        }
    }

    /** {@code WMS *}: every stream, what Firefox writes and what an SFU answer can say. */
    public static MsidSemantic wmsAll() {
        return new MsidSemantic("WMS", List.of("*"));
    }

    static MsidSemantic parse(String value) {
        var words = Syntax.words(value);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a=msid-semantic needs a semantic");
        }
        return new MsidSemantic(words.getFirst(), words.subList(1, words.size()));
    }

    String sdpValue() {
        return identifiers.isEmpty() ? semantic : semantic + " " + String.join(" ", identifiers);
    }
}
