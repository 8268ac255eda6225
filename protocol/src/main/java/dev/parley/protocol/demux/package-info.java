/**
 * Telling STUN, DTLS, RTP and RTCP apart on one bundled, rtcp-muxed transport (RFC 7983,
 * RFC 5761): {@link dev.parley.protocol.demux.PacketKind#classify}.
 */
package dev.parley.protocol.demux;
