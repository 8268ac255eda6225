/**
 * STUN (RFC 8489, wire-compatible with RFC 5389): message parsing and encoding, the
 * attributes ICE needs, and MESSAGE-INTEGRITY / FINGERPRINT checks on the bytes as they
 * were received. See {@link dev.parley.protocol.stun.StunMessage} for the header layout.
 *
 * <p>Only short-term credentials are supported (the ICE case): the HMAC key is the password's
 * UTF-8 bytes. Long-term credentials (REALM, NONCE, USERHASH) are out of scope.
 */
package dev.parley.protocol.stun;
