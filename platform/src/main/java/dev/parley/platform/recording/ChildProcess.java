package dev.parley.platform.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a tool (ffmpeg, ffprobe) as a child process with a time limit. Its output is read on
 * virtual threads while it runs, so a chatty tool never blocks on a full pipe; only the last
 * lines of stderr are kept, which is where ffmpeg says why it failed.
 */
final class ChildProcess {

    /** How a run ended: the exit code (-1 when stopped), stdout (bounded), the last stderr lines. */
    record Result(int exitCode, String stdout, List<String> stderrTail, boolean timedOut) {
        boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        /** The last stderr lines joined and trimmed to {@code max} characters, for a failure reason. */
        String reason(int max) {
            String text = String.join(" | ", stderrTail).strip();
            return text.length() <= max ? text : "..." + text.substring(text.length() - max + 3);
        }
    }

    private static final int MAX_STDOUT = 4 * 1024 * 1024;
    private static final int STDERR_LINES = 8;

    private ChildProcess() {
    }

    /**
     * Runs {@code command}; stops it (forcibly) after {@code timeout}, or when this thread is
     * interrupted, in which case the interrupt is kept and the result says exit -1.
     */
    static Result run(List<String> command, Duration timeout) throws IOException {
        return run(command, timeout, process -> { });
    }

    /** As {@link #run(List, Duration)}; {@code started} gets the process first, so that it can be stopped from outside. */
    static Result run(List<String> command, Duration timeout, Consumer<Process> started) throws IOException {
        Process process = new ProcessBuilder(command).start();
        started.accept(process);
        process.getOutputStream().close(); // nothing to say to it: a tool that reads stdin sees its end
        var stdout = new StringBuilder();
        var stderr = new ArrayDeque<String>();
        Thread out = Thread.ofVirtual().name("tool-stdout").start(() -> readBounded(process.getInputStream(), stdout));
        Thread err = Thread.ofVirtual().name("tool-stderr").start(() -> readTail(process.getErrorStream(), stderr));
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            return new Result(-1, "", List.of("stopped"), false);
        }
        if (!finished) {
            stop(process);
        }
        try {
            out.join(Duration.ofSeconds(5));
            err.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            synchronized (stdout) {
                return new Result(finished ? process.exitValue() : -1, stdout.toString(), List.copyOf(stderr), !finished);
            }
        }
    }

    /**
     * Kills the process and whatever it started: a wrapper (nice, a shell) can leave a child
     * holding the pipes open, and the readers would wait for it.
     */
    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void readBounded(InputStream in, StringBuilder sink) {
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                synchronized (sink) {
                    if (sink.length() < MAX_STDOUT) {
                        sink.append(buffer, 0, Math.min(n, MAX_STDOUT - sink.length()));
                    }
                }
            }
        } catch (IOException e) {
            // The process went away; what was read is what there is.
        }
    }

    private static void readTail(InputStream in, ArrayDeque<String> tail) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (tail) {
                    tail.addLast(line.length() > 400 ? line.substring(0, 400) : line);
                    if (tail.size() > STDERR_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // As above.
        }
    }
}
