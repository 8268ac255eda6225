/**
 * Parley's SIP user agent: {@link dev.parley.telephony.sip.SipStack} places and receives calls
 * through SIP trunks over UDP and TCP (RFC 3261 transactions, dialogs, CANCEL, re-INVITE,
 * digest authentication, OPTIONS keep-alive), with SDP carried as opaque strings. Messages
 * come from {@code dev.parley.protocol.sip}; this package adds sockets, threads and state.
 * See {@code docs/sip.md}.
 */
package dev.parley.telephony.sip;
