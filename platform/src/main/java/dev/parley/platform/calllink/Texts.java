package dev.parley.platform.calllink;

/** Checks on free text that ends up on a web page or in a token. */
final class Texts {

    private Texts() {
    }

    /** True when {@code text} holds a control character ({@code \n} allowed when {@code lineBreaks}). */
    static boolean hasControl(String text, boolean lineBreaks) {
        return text.chars().anyMatch(ch -> Character.isISOControl(ch) && !(lineBreaks && ch == '\n'));
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
