package dev.parley.platform.calllink;

/** Where a theme shows an image, and the bounds its size and dimensions must keep. */
public enum ImageType {
    LOGO(1024 * 1024, 16, 2048),
    BACKGROUND(5 * 1024 * 1024, 16, 8192);

    private final long maxBytes;
    private final int minSide;
    private final int maxSide;

    ImageType(long maxBytes, int minSide, int maxSide) {
        this.maxBytes = maxBytes;
        this.minSide = minSide;
        this.maxSide = maxSide;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int minSide() {
        return minSide;
    }

    public int maxSide() {
        return maxSide;
    }

    /** The largest upload of any type: what the upload route may read at most. */
    public static long largest() {
        long largest = 0;
        for (ImageType type : values()) {
            largest = Math.max(largest, type.maxBytes);
        }
        return largest;
    }
}
