/**
 * The media server: one UDP port with batched I/O, ICE-lite/DTLS/SRTP endpoints, the SFU
 * router, the recorder and the RTP bridge. Uses {@code dev.parley.protocol} only.
 * The code arrives with the media-server issue; see {@code docs/architecture.md}.
 */
package dev.parley.media;
