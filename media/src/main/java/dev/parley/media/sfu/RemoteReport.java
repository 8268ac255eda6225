package dev.parley.media.sfu;

/**
 * What a subscriber's latest RTCP receiver report (RFC 3550 §6.4.2) said about one leg.
 *
 * @param fractionLost the loss in the peer's last interval, 0..255 for 0..1
 * @param jitterMs     the interarrival jitter it measured, converted with the leg's clock rate
 * @param rttMs        the round-trip time from LSR and DLSR (§6.4.1), or -1 when the block had
 *                     no LSR yet (no sender report of ours had reached the peer)
 */
public record RemoteReport(int fractionLost, double jitterMs, double rttMs) {
}
