package dev.parley.platform.recording;

import dev.parley.platform.common.InvalidInput;
import java.util.Locale;

/**
 * The order of a list of recordings: by start or end time, ascending or descending; ties are
 * broken by id so that paging is stable. Recordings still running (no end time) come last when
 * sorting by end time, in either direction.
 */
public record RecordingSort(Field field, boolean descending) {

    public enum Field {
        START_TIME("startTime", "r.start_time"),
        END_TIME("endTime", "r.end_time");

        private final String parameter;
        private final String column;

        Field(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** Newest first. */
    public static final RecordingSort DEFAULT = new RecordingSort(Field.START_TIME, true);

    /** Reads {@code startTime}, {@code startTime,asc} or {@code endTime,desc}; the direction defaults to desc. */
    public static RecordingSort parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > 2) {
            throw invalid();
        }
        Field field = null;
        for (Field candidate : Field.values()) {
            if (candidate.parameter.equals(parts[0].strip())) {
                field = candidate;
            }
        }
        if (field == null) {
            throw invalid();
        }
        if (parts.length == 1) {
            return new RecordingSort(field, true);
        }
        return switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> new RecordingSort(field, false);
            case "desc" -> new RecordingSort(field, true);
            default -> throw invalid();
        };
    }

    /** The ORDER BY clause; only constant text, never anything from a request. */
    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + field.column + direction + (field == Field.END_TIME ? " NULLS LAST" : "")
                + ", r.id" + direction;
    }

    private static InvalidInput invalid() {
        return new InvalidInput("sort", "must be startTime or endTime, optionally followed by ,asc or ,desc");
    }
}
