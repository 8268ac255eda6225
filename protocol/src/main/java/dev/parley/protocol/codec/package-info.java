/**
 * Just enough of the codecs' own bitstreams for recording without decoding: an Opus packet's
 * duration from its TOC byte (RFC 6716 §3.1), a VP8 keyframe's dimensions (RFC 6386 §9.1), an
 * H.264 sequence parameter set's dimensions (ITU-T H.264 §7.3.2.1.1). Never throws on bad bytes.
 */
package dev.parley.protocol.codec;
