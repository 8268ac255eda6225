package dev.parley.platform.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.platform.common.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingSortTest {

    @Test
    void readsTheFieldAndDirection() {
        assertEquals(new RecordingSort(RecordingSort.Field.START_TIME, true), RecordingSort.parse("startTime"));
        assertEquals(new RecordingSort(RecordingSort.Field.START_TIME, false), RecordingSort.parse("startTime,asc"));
        assertEquals(new RecordingSort(RecordingSort.Field.END_TIME, true), RecordingSort.parse("endTime,DESC"));
        assertEquals(" ORDER BY r.end_time ASC NULLS LAST, r.id ASC",
                RecordingSort.parse("endTime,asc").orderBy());
        assertEquals(" ORDER BY r.start_time DESC, r.id DESC", RecordingSort.DEFAULT.orderBy());
    }

    @Test
    void anythingElseIsRefusedNamingSort() {
        for (String text : List.of("", ",", "starttime", "id", "startTime,", "startTime,up", "startTime,asc,desc",
                "startTime;DROP TABLE recordings")) {
            var e = assertThrows(InvalidInput.class, () -> RecordingSort.parse(text), text);
            assertEquals("sort", e.violations().getFirst().field());
        }
    }
}
