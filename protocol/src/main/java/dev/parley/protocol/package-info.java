/**
 * Wire formats and sans-IO protocol engines, one package per protocol: {@code stun},
 * {@code ice}, {@code dtls}, {@code srtp}, {@code rtp}, {@code rtcp}, {@code sdp}, and
 * {@code demux} (RFC 7983 packet kinds).
 *
 * <p>Nothing here sees a socket, a thread pool, a room or an account: bytes go in and come
 * out through handlers, so two engines wired back to back make a unit test. Packets are
 * immutable records with {@code parse} and {@code writeTo}; a malformed packet yields an
 * empty result and bumps a {@link dev.parley.protocol.Malformed} counter, it never throws.
 */
package dev.parley.protocol;
