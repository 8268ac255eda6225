package dev.parley.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Range headers against a file of 1000 bytes (RFC 9110 §14.1.2 and §14.2). */
class ByteRangeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            NONE                        | whole
            bytes=0-499                 | 0-499
            bytes=500-999               | 500-999
            bytes=500-                  | 500-999
            bytes=999-                  | 999-999
            bytes=990-5000              | 990-999
            bytes=-1                    | 999-999
            bytes=-500                  | 500-999
            bytes=-1000                 | 0-999
            bytes=-5000                 | 0-999
            BYTES=0-0                   | 0-0
            bytes= 10 - 20              | 10-20
            bytes=0010-0020             | 10-20
            bytes=1000-                 | unsatisfiable
            bytes=1000-2000             | unsatisfiable
            bytes=-0                    | unsatisfiable
            bytes=99999999999999999999- | unsatisfiable
            bytes=0-99999999999999999999| 0-999
            bytes=20-10                 | whole
            bytes=0-10,20-30            | whole
            bytes=abc                   | whole
            bytes=                      | whole
            bytes=-                     | whole
            bytes=1.5-2                 | whole
            items=0-10                  | whole
            bytes                       | whole
            """)
    void resolvesAgainstTheSize(String header, String expected) {
        assertEquals(expected, describe(ByteRange.parse(Optional.ofNullable(header), 1000)));
    }

    @ParameterizedTest(name = "empty file: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bytes=0-     | unsatisfiable
            bytes=-10    | unsatisfiable
            bytes=0-0    | unsatisfiable
            """)
    void anEmptyFileHasNoRange(String header, String expected) {
        assertEquals(expected, describe(ByteRange.parse(Optional.of(header), 0)));
    }

    private static String describe(ByteRange.Request request) {
        return switch (request) {
            case ByteRange.Request.Whole w -> "whole";
            case ByteRange.Request.Unsatisfiable u -> "unsatisfiable";
            case ByteRange.Request.Partial p -> p.range().first() + "-" + p.range().last();
        };
    }
}
