package dev.parley.platform.recording;

/**
 * Where each participant's video goes in a composed recording: one tile fills a 1280x720
 * picture, two sit side by side (1280x360), three or more fill a grid of
 * ceil(sqrt(n)) columns (2x2 for three or four: 1280x720). Tiles are 16:9 and their sides
 * even, which H.264 in 4:2:0 needs; the canvas is at most 1280 pixels wide.
 */
record GridLayout(int tiles, int columns, int rows, int tileWidth, int tileHeight) {

    static final int MAX_WIDTH = 1280;

    static GridLayout of(int tiles) {
        if (tiles < 1) {
            throw new IllegalArgumentException("a grid needs at least one tile");
        }
        int columns = tiles == 2 ? 2 : (int) Math.ceil(Math.sqrt(tiles));
        int rows = (tiles + columns - 1) / columns;
        int tileWidth = even(MAX_WIDTH / columns);
        int tileHeight = even(tileWidth * 9 / 16);
        return new GridLayout(tiles, columns, rows, tileWidth, tileHeight);
    }

    int width() {
        return columns * tileWidth;
    }

    int height() {
        return rows * tileHeight;
    }

    /** The left edge of tile {@code index}, counted row by row from the top left. */
    int x(int index) {
        return (index % columns) * tileWidth;
    }

    int y(int index) {
        return (index / columns) * tileHeight;
    }

    private static int even(int value) {
        return Math.max(2, value - value % 2);
    }
}
