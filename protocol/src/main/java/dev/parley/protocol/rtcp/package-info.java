/**
 * RTCP (RFC 3550 §6) with the feedback messages WebRTC uses: generic NACK and PLI (RFC 4585),
 * FIR (RFC 5104), REMB and transport-cc. {@link dev.parley.protocol.rtcp.RtcpPacket#parseCompound}
 * turns a compound packet into records; {@link dev.parley.protocol.rtcp.RtcpHeaders} walks and
 * rewrites one in place; {@link dev.parley.protocol.rtcp.NtpTime} converts the timestamps.
 */
package dev.parley.protocol.rtcp;
