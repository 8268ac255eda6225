package dev.parley.platform.calllink;

import java.time.Instant;

/** An uploaded image's metadata; {@code contentType} is what its bytes were found to be. */
public record CallLinkImage(String id, String accountId, String name, ImageType type, long size, int width,
                            int height, String contentType, Instant createdAt) {
}
