/**
 * Container formats the recorder writes, sans-IO: EBML and the Matroska/WebM elements it uses
 * (RFC 8794, RFC 9559, the WebM subset), and Ogg pages (RFC 3533) with the Opus headers of
 * RFC 7845. Writers build bytes in memory; whoever owns the file decides when they reach it.
 * Readers walk elements and pages without throwing on truncated or damaged input, since their
 * job is to make the best of a file a killed process left behind.
 */
package dev.parley.protocol.container;
