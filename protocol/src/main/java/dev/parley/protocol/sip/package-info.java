/**
 * SIP messages (RFC 3261), sans-IO: requests and responses as immutable records
 * ({@link dev.parley.protocol.sip.SipRequest}, {@link dev.parley.protocol.sip.SipResponse}),
 * {@link dev.parley.protocol.sip.SipParser} from bytes (never throws; refusals are counted and
 * explained, with the 400 a readable request is owed), {@code toBytes()} back, typed headers
 * ({@link dev.parley.protocol.sip.Via}, {@link dev.parley.protocol.sip.NameAddr},
 * {@link dev.parley.protocol.sip.CSeq}), URIs ({@code sip:}, {@code sips:}, {@code tel:}),
 * stream framing for TCP ({@link dev.parley.protocol.sip.SipStreamFramer}) and digest
 * authentication both ways ({@link dev.parley.protocol.sip.Digest}).
 *
 * <p>Transactions, dialogs and transports live in the telephony module; nothing here sees
 * a socket or a thread.
 */
package dev.parley.protocol.sip;
