/**
 * Wire formats and sans-IO protocol engines: STUN, ICE-lite, DTLS, SRTP, RTP, RTCP, SDP and
 * SIP messages.
 *
 * <p>Nothing here sees a socket, a thread pool, a room or an account: bytes go in through
 * {@code receive(buffer)} and come out through a handler, so two engines wired back to back
 * make a unit test. Packets are immutable records with {@code parse} and {@code writeTo};
 * a malformed packet yields an empty result and bumps a counter, it never throws.
 * The engines arrive with the media-server issue; see {@code docs/architecture.md}.
 */
package dev.parley.protocol;
