package dev.parley.platform.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GridLayoutTest {

    @ParameterizedTest(name = "{0} tiles: {1}x{2} of {3}x{4}")
    @CsvSource(textBlock = """
            1,  1, 1, 1280, 720
            2,  2, 1,  640, 360
            3,  2, 2,  640, 360
            4,  2, 2,  640, 360
            5,  3, 2,  426, 238
            9,  3, 3,  426, 238
            10, 4, 3,  320, 180
            50, 8, 7,  160,  90
            """)
    void tilesAreEvenSixteenByNineAndTheCanvasAtMostHdWide(int tiles, int columns, int rows, int width, int height) {
        GridLayout grid = GridLayout.of(tiles);
        assertEquals(columns, grid.columns());
        assertEquals(rows, grid.rows());
        assertEquals(width, grid.tileWidth());
        assertEquals(height, grid.tileHeight());
        assertEquals(0, grid.width() % 2);
        assertEquals(0, grid.height() % 2);
        assertEquals(true, grid.width() <= GridLayout.MAX_WIDTH);
    }

    @Test
    void tilesGoRowByRowFromTheTopLeft() {
        GridLayout grid = GridLayout.of(3);
        assertEquals(0, grid.x(0));
        assertEquals(0, grid.y(0));
        assertEquals(640, grid.x(1));
        assertEquals(0, grid.y(1));
        assertEquals(0, grid.x(2));
        assertEquals(360, grid.y(2));
        assertThrows(IllegalArgumentException.class, () -> GridLayout.of(0));
    }
}
