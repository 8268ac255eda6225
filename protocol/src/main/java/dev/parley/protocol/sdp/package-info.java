/**
 * SDP (RFC 8866) for WebRTC offers and answers in unified plan (RFC 8829 JSEP, RFC 8843
 * BUNDLE): {@link dev.parley.protocol.sdp.SessionDescription#parse} reads what Chrome, Firefox
 * and Safari send into immutable records and never throws; {@code write()} gives CRLF text in
 * the order libwebrtc uses; builders and {@code with...} methods make the SFU's answers.
 * Attributes the model does not know are kept in order, so a parse and write keeps them.
 */
package dev.parley.protocol.sdp;
