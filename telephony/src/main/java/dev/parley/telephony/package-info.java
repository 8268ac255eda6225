/**
 * SIP transactions and dialogs, the SIP trunk user agent, SIP over WebSocket and number
 * routing. Uses {@code dev.parley.protocol} and {@code dev.parley.media} only.
 * The code arrives with the phone-gateway issue; see {@code docs/architecture.md}.
 */
package dev.parley.telephony;
