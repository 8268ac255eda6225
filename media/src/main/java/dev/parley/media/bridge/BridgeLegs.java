package dev.parley.media.bridge;

/** Process-wide facts about RTP legs, for leak checks and metrics. */
public final class BridgeLegs {

    private BridgeLegs() {
    }

    /** Mixers and transcoders alive: 0 once every leg has closed and its codec worker released them. */
    public static int liveCodecStates() {
        return HearingMix.LIVE.get() + FarEndToOpus.LIVE.get();
    }
}
