package dev.parley.platform.common;

import java.util.List;

/** One page of a list: the rows, the zero-based page number, the page size and the total row count. */
public record Page<T>(List<T> results, int page, int size, long totalResults) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public Page {
        results = List.copyOf(results);
    }

    public int totalPages() {
        return (int) ((totalResults + size - 1) / size);
    }

    /** A validated page request: zero-based page, size 1..{@link #MAX_SIZE}. */
    public record Request(int page, int size) {
        public Request {
            if (page < 0) {
                throw new InvalidInput("page", "must be 0 or more");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
            }
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
