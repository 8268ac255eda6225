/**
 * ICE-lite (RFC 8445 §2.5) with consent freshness (RFC 7675): the server side of ICE for an
 * SFU with public addresses. A lite agent gathers only host candidates, never sends checks,
 * answers the full peer's Binding requests and follows the peer's nomination. See
 * {@link dev.parley.protocol.ice.IceLiteAgent}.
 */
package dev.parley.protocol.ice;
