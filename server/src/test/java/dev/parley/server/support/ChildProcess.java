package dev.parley.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A process started by a test, with its output collected line by line as it comes. */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    /** Starts {@code command} in {@code directory} with only {@code environment} plus PATH and HOME. */
    public static ChildProcess start(List<String> command, Path directory, Map<String, String> environment) {
        var builder = new ProcessBuilder(command).directory(directory.toFile());
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PARLEY_") || name.equals("JAVA_HOME"));
        env.putAll(environment);
        try {
            return new ChildProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code java -cp <this test's classpath> dev.parley.server.Main args...}, with the JVM flags
     * the server jar's manifest gives {@code java -jar} (the batched media transport's).
     */
    public static List<String> parley(String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<>(List.of(java, "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.parley.server.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Waits for a line of standard output that matches; fails with all output after {@code timeout}. */
    public String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                for (String line : out) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive() && process.waitFor(100, TimeUnit.MILLISECONDS)) {
                Thread.sleep(200); // let the collectors drain
                synchronized (out) {
                    for (String line : out) {
                        if (matches.test(line)) {
                            return line;
                        }
                    }
                }
                throw new AssertionError("process exited with " + process.exitValue() + " before the line came\n" + transcript());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such line within " + timeout + "\n" + transcript());
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "\n" + transcript());
        }
        Thread.sleep(200); // let the collectors drain
        return process.exitValue();
    }

    /**
     * Sends SIGTERM, as an init system would. Not {@link Process#destroy()}: that also closes
     * our ends of the child's pipes at once, so what it prints while shutting down is lost.
     */
    public void terminate() {
        try {
            int status = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            if (status != 0) {
                throw new AssertionError("kill -TERM " + process.pid() + " failed with " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    public List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    public String transcript() {
        return "--- stdout\n" + String.join("\n", stdout()) + "\n--- stderr\n" + String.join("\n", stderr());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static void collect(InputStream stream, List<String> lines) {
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // The process ended; what was read is kept.
            }
        });
    }
}
