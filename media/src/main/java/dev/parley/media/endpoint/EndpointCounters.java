package dev.parley.media.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one endpoint saw and dropped; media loop only. */
public final class EndpointCounters {
    long rtpIn;
    long rtcpIn;
    long rtpOut;
    long rtcpOut;
    long srtpFailures;
    long droppedBeforeConnected;
    long droppedFromUnknownAddress;
    long droppedUnknownSsrc;
    long droppedUnknown;
    long nacksIn;
    long keyframeRequestsIn;
    long droppedByFaultInjection;
    long droppedByBlackhole;

    public long rtpIn() {
        return rtpIn;
    }

    public long rtpOut() {
        return rtpOut;
    }

    public long srtpFailures() {
        return srtpFailures;
    }

    public long nacksIn() {
        return nacksIn;
    }

    public long keyframeRequestsIn() {
        return keyframeRequestsIn;
    }

    public long droppedByFaultInjection() {
        return droppedByFaultInjection;
    }

    /** Datagrams dropped both ways while {@link Endpoint#setBlackhole} was on. */
    public long droppedByBlackhole() {
        return droppedByBlackhole;
    }

    public long rtcpIn() {
        return rtcpIn;
    }

    public Map<String, Long> toMap() {
        var map = new LinkedHashMap<String, Long>();
        map.put("rtpIn", rtpIn);
        map.put("rtcpIn", rtcpIn);
        map.put("rtpOut", rtpOut);
        map.put("rtcpOut", rtcpOut);
        map.put("srtpFailures", srtpFailures);
        map.put("droppedBeforeConnected", droppedBeforeConnected);
        map.put("droppedFromUnknownAddress", droppedFromUnknownAddress);
        map.put("droppedUnknownSsrc", droppedUnknownSsrc);
        map.put("droppedUnknown", droppedUnknown);
        map.put("nacksIn", nacksIn);
        map.put("keyframeRequestsIn", keyframeRequestsIn);
        map.put("droppedByFaultInjection", droppedByFaultInjection);
        map.put("droppedByBlackhole", droppedByBlackhole);
        return map;
    }
}
