package dev.parley.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzerTest {

    @Test
    void aTargetThatThrowsIsReportedWithItsInput() {
        var error = assertThrows(AssertionError.class, () -> Fuzzer.run("explodes", List.of(new byte[] {1, 2, 3}),
                input -> {
                    if (input.length != 3) {
                        throw new IllegalStateException("boom");
                    }
                }));
        assertTrue(error.getMessage().contains("replay with -Dparley.fuzz.seed="), error.getMessage());
    }

    @Test
    void aRobustTargetRunsAtLeastAThousandInputs() {
        assertTrue(Fuzzer.run("quiet", List.of(new byte[] {1, 2, 3}), input -> { }) >= 1_000);
    }
}
