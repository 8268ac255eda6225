package dev.parley.protocol.srtp;

/**
 * What a session remembers about one SSRC. A sender tracks the highest RTP index it protected
 * (its rollover counter) and the next SRTCP index; a receiver keeps a replay window for each of
 * RTP and SRTCP, whose highest entry also gives the RTP rollover counter.
 */
final class StreamState {

    /** RTP reorder in an SFU can exceed 64 packets (a video key frame is hundreds), so be generous. */
    static final int RTP_WINDOW = 1024;
    static final int RTCP_WINDOW = 128;

    final int ssrc;
    /** Sender: the highest RTP index protected so far, or {@link RtpIndex#NONE}. */
    long rtpHighest = RtpIndex.NONE;
    /** Sender: the SRTCP index for the next compound packet (RFC 3711 §3.4: starts at zero). */
    int nextRtcpIndex;
    /** Receiver only. */
    final ReplayWindow rtpWindow;
    /** Receiver only. */
    final ReplayWindow rtcpWindow;

    private StreamState(int ssrc, ReplayWindow rtpWindow, ReplayWindow rtcpWindow) {
        this.ssrc = ssrc;
        this.rtpWindow = rtpWindow;
        this.rtcpWindow = rtcpWindow;
    }

    static StreamState forSender(int ssrc) {
        return new StreamState(ssrc, null, null);
    }

    static StreamState forReceiver(int ssrc) {
        return new StreamState(ssrc, new ReplayWindow(RTP_WINDOW), new ReplayWindow(RTCP_WINDOW));
    }
}
