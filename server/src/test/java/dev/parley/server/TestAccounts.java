package dev.parley.server;

import dev.parley.server.config.ParleyConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Creates accounts the way an operator does ({@code parley admin create-account}), for tests. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** A new account named {@code name}; returns its first API key. */
    public static String createAccount(ParleyConfig config, String name) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Admin.run(List.of("create-account", name), config, Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new AssertionError("create-account failed: " + err.toString(StandardCharsets.UTF_8));
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.getLast();
        return last.substring(last.indexOf(": ") + 2).strip();
    }
}
