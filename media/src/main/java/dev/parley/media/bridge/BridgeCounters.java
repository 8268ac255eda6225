package dev.parley.media.bridge;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one RTP leg saw, sent and dropped; media loop only (read elsewhere through debug state). */
public final class BridgeCounters {
    long rtpIn;
    long rtcpIn;
    long rtpOut;
    long rtcpOut;
    long eventsIn;
    long malformed;
    long notRtp;
    long beforeAnswer;
    long unknownPayloadType;
    long comfortNoise;
    long droppedNotReceiving;
    long droppedNotSending;
    long droppedDuringDtmf;
    long passthroughOut;
    long mixedOut;
    long transcodedToRoom;
    long latched;
    long ssrcChanges;
    long codecBacklogDrops;

    public long rtpIn() {
        return rtpIn;
    }

    public long rtpOut() {
        return rtpOut;
    }

    public long rtcpIn() {
        return rtcpIn;
    }

    public long rtcpOut() {
        return rtcpOut;
    }

    /** Datagrams that were not RTP/RTCP, or RTP/RTCP that did not parse. */
    public long malformed() {
        return malformed + notRtp;
    }

    /** Packets sent to the far end as they came from a room track (no decoding). */
    public long passthroughOut() {
        return passthroughOut;
    }

    /** Packets sent to the far end that the mixer encoded. */
    public long mixedOut() {
        return mixedOut;
    }

    /** Opus packets published for the room from the far end's G.711. */
    public long transcodedToRoom() {
        return transcodedToRoom;
    }

    public long droppedNotReceiving() {
        return droppedNotReceiving;
    }

    public long droppedNotSending() {
        return droppedNotSending;
    }

    public long latched() {
        return latched;
    }

    public Map<String, Long> toMap() {
        var map = new LinkedHashMap<String, Long>();
        map.put("rtpIn", rtpIn);
        map.put("rtcpIn", rtcpIn);
        map.put("rtpOut", rtpOut);
        map.put("rtcpOut", rtcpOut);
        map.put("eventsIn", eventsIn);
        map.put("malformed", malformed);
        map.put("notRtp", notRtp);
        map.put("beforeAnswer", beforeAnswer);
        map.put("unknownPayloadType", unknownPayloadType);
        map.put("comfortNoise", comfortNoise);
        map.put("droppedNotReceiving", droppedNotReceiving);
        map.put("droppedNotSending", droppedNotSending);
        map.put("droppedDuringDtmf", droppedDuringDtmf);
        map.put("passthroughOut", passthroughOut);
        map.put("mixedOut", mixedOut);
        map.put("transcodedToRoom", transcodedToRoom);
        map.put("latched", latched);
        map.put("ssrcChanges", ssrcChanges);
        map.put("codecBacklogDrops", codecBacklogDrops);
        return map;
    }
}
