package dev.parley.platform.telephony;

/** The audio codecs a trunk may offer or accept, by their SDP names. */
public enum Codec {
    /** G.711 µ-law. */
    PCMU,
    /** G.711 A-law. */
    PCMA,
    OPUS;

    public boolean isG711() {
        return this == PCMU || this == PCMA;
    }
}
