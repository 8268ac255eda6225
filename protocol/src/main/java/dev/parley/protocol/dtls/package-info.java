/**
 * DTLS 1.2 with the {@code use_srtp} extension for WebRTC (RFC 5764, RFC 5763, RFC 6347) on
 * BouncyCastle's TLS API: {@link dev.parley.protocol.dtls.DtlsCertificate} is our identity and
 * SDP fingerprint, {@link dev.parley.protocol.dtls.DtlsConnection} runs one handshake per peer
 * connection and yields a {@link dev.parley.protocol.dtls.DtlsResult} with the SRTP keys.
 *
 * <p>Sans-IO: datagrams in through {@code receive}, out through a callback. The handshake blocks
 * (BouncyCastle's design), so the caller gives it a thread; nothing here starts one.
 */
package dev.parley.protocol.dtls;
