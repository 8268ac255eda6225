/**
 * SRTP and SRTCP (RFC 3711) with the two DTLS-SRTP profiles WebRTC uses:
 * {@link dev.parley.protocol.srtp.SrtpProfile#AES_CM_128_HMAC_SHA1_80} and
 * {@link dev.parley.protocol.srtp.SrtpProfile#AEAD_AES_128_GCM} (RFC 7714).
 *
 * <p>{@link dev.parley.protocol.srtp.SrtpSession} is the whole API: one sender and one receiver
 * per DTLS association, keyed with the master keys the DTLS exporter produced (RFC 5764 §4.2).
 * Packets are transformed in place in caller-owned byte arrays; failures come back as negative
 * codes and counters, never as exceptions. Cryptography is the JCA's, which uses AES-NI.
 */
package dev.parley.protocol.srtp;
