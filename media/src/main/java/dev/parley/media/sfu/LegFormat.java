package dev.parley.media.sfu;

/**
 * How a forwarded track is written on one subscriber's leg: the payload type and header
 * extension ids that leg negotiated (a peer's numbers differ from the publisher's), and the
 * leg's mid. An extension id of 0 means "not negotiated on this leg".
 */
public record LegFormat(int payloadType, String mid, int midExtensionId, int audioLevelExtensionId) {

    public LegFormat {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType);
        }
        if (midExtensionId < 0 || midExtensionId > 14 || audioLevelExtensionId < 0 || audioLevelExtensionId > 14) {
            throw new IllegalArgumentException("one-byte extension ids are 1..14 (0: none)");
        }
    }
}
