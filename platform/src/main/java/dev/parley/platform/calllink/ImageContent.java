package dev.parley.platform.calllink;

/** An image's bytes and their checked content type, for the public page. */
public record ImageContent(String contentType, byte[] bytes) {
}
