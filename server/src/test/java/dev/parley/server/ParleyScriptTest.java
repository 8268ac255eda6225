package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.support.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./parley} script itself: what it does on a machine without a JDK 25. */
class ParleyScriptTest {

    @TempDir
    Path emptyJvmDir;

    @Test
    void withoutAJdk25ItSaysWhatToInstallAndStops() throws Exception {
        Path script = ModuleLayeringTest.repositoryRoot().resolve("parley");
        // Only the system's own java (if any) is visible; it must not be a JDK 25 for this check.
        Path systemJava = Path.of("/usr/bin/java");
        if (Files.exists(systemJava)) {
            var probe = ChildProcess.start(List.of(systemJava.toString(), "-version"), emptyJvmDir, Map.of());
            probe.awaitExit(Duration.ofSeconds(30));
            Assumptions.assumeFalse(String.join(" ", probe.stderr()).matches(".*version \"(2[5-9]|[3-9][0-9]).*"),
                    "this machine's /usr/bin/java is itself a JDK 25+");
        }
        var run = ChildProcess.start(List.of("bash", script.toString(), "run"), emptyJvmDir,
                Map.of("PATH", "/usr/bin:/bin", "PARLEY_JVM_DIRS", emptyJvmDir.toString()));
        int exit = run.awaitExit(Duration.ofSeconds(30));
        assertEquals(1, exit, run.transcript());
        String err = String.join("\n", run.stderr());
        assertTrue(err.contains("needs a JDK 25"), err);
        assertTrue(err.contains("Install"), err);
        assertTrue(run.stdout().isEmpty(), "nothing was started: " + run.transcript());
    }

    @Test
    void anUnknownCommandIsRefused() throws Exception {
        Path script = ModuleLayeringTest.repositoryRoot().resolve("parley");
        var run = ChildProcess.start(List.of("bash", script.toString(), "frobnicate"), emptyJvmDir, Map.of());
        assertEquals(2, run.awaitExit(Duration.ofSeconds(30)), run.transcript());
        assertTrue(String.join("\n", run.stderr()).contains("unknown command 'frobnicate'"));
    }
}
