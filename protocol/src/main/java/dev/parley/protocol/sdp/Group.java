package dev.parley.protocol.sdp;

import java.util.List;

/**
 * {@code a=group:<semantics> <mid>...} (RFC 5888 section 5). With semantics BUNDLE (RFC 8843)
 * the listed media sections share one transport, the first mid being the offerer's tag.
 */
public record Group(String semantics, List<String> mids) {

    public static final String BUNDLE = "BUNDLE";

    public Group {
        Syntax.token(semantics, "group semantics");
        mids = List.copyOf(mids);
        for (String mid : mids) {
            Syntax.token(mid, "group mid");
        }
    }

    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    public boolean isBundle() {
        return semantics.equals(BUNDLE);
    }

    static Group parse(String value) {
        var words = Syntax.words(value);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a=group needs semantics");
        }
        return new Group(words.getFirst(), words.subList(1, words.size()));
    }

    String sdpValue() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
