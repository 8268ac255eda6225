package dev.parley.platform.telephony;

/** What browsers on a call through a trunk send and receive. */
public enum WebrtcAudio {
    /** The trunk's G.711 codec end to end: browsers speak it, Parley only re-packetizes (SRTP to RTP). */
    G711,
    /** Browsers use Opus and Parley transcodes to and from the trunk's codec. */
    OPUS
}
