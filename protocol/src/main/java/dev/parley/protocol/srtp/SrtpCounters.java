package dev.parley.protocol.srtp;

/**
 * A snapshot of one {@link SrtpSession}'s counters.
 *
 * @param rtpPackets   RTP packets protected (sender) or accepted (receiver)
 * @param rtcpPackets  RTCP packets protected (sender) or accepted (receiver)
 * @param authFailures packets whose tag did not verify
 * @param replays      packets refused as already received or older than the replay window
 * @param malformed    packets too short or not RTP/RTCP version 2, and calls with bad bounds
 * @param ssrcLimit    packets refused because the session already tracks its maximum of SSRCs
 * @param ssrcs        SSRCs the session keeps state for
 */
public record SrtpCounters(long rtpPackets, long rtcpPackets, long authFailures, long replays,
                           long malformed, long ssrcLimit, int ssrcs) {
}
