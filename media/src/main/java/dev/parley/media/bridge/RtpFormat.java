package dev.parley.media.bridge;

import java.util.Locale;

/**
 * The audio codec an RTP leg settled on with its far end, with the payload types the far
 * end's SDP gave them: PCMU (0) or PCMA (8) at 8 kHz, or Opus at 48 kHz (RFC 7587), and the
 * RFC 4733 telephone-event at the same clock (-1 when not negotiated).
 */
public record RtpFormat(String name, int payloadType, int clockRate, int channels, String fmtp,
                        int telephoneEventPayloadType) {

    public static final String PCMU = "PCMU";
    public static final String PCMA = "PCMA";
    public static final String OPUS = "opus";

    public RtpFormat {
        if (payloadType < 0 || payloadType > 127 || telephoneEventPayloadType < -1 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("payload types " + payloadType + ", " + telephoneEventPayloadType);
        }
    }

    public boolean isOpus() {
        return name.equalsIgnoreCase(OPUS);
    }

    public boolean isG711() {
        return isPcmu() || isPcma();
    }

    public boolean isPcmu() {
        return name.equalsIgnoreCase(PCMU);
    }

    public boolean isPcma() {
        return name.equalsIgnoreCase(PCMA);
    }

    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }

    /** Samples (RTP timestamp units) in 20 ms, the packet time Parley sends. */
    public int samplesPer20ms() {
        return clockRate / 50;
    }

    /** Whether a track of codec {@code codecName} at {@code rate} could be sent to this far end unchanged. */
    public boolean carries(String codecName, int rate) {
        return name.equalsIgnoreCase(codecName) && clockRate == rate;
    }

    /** The name as the RtpOptions spell it: PCMU, PCMA or OPUS. */
    public String optionName() {
        return name.toUpperCase(Locale.ROOT);
    }
}
