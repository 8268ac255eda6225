/**
 * RTP (RFC 3550 §5) and what rides in its header: RFC 8285 header extensions and the typed
 * values Parley uses (RFC 6464 audio level, abs-send-time, {@code mid}, transport-wide
 * sequence number), plus the RFC 4733 telephone-event payload.
 *
 * <p>Two ways in: {@link dev.parley.protocol.rtp.RtpPacket}, an immutable record that copies,
 * for building and inspecting packets; and {@link dev.parley.protocol.rtp.RtpHeaders} with
 * {@link dev.parley.protocol.rtp.HeaderExtensions}, static views that read and rewrite a packet
 * in its receive buffer without allocating, for the SFU forwarding path.
 */
package dev.parley.protocol.rtp;
