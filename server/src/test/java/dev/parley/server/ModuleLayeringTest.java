package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down only: protocol, media, telephony, platform, server (benchmarks may
 * use everything). Maven already refuses what a module's pom does not declare; this test also
 * reads every source file, so an upward import fails the build even if someone adds the
 * dependency to a pom, and it holds the poms to the same order. The protocol module stays
 * sans-IO: no sockets, channels or thread pools.
 */
class ModuleLayeringTest {

    static final Map<String, Integer> LAYER = Map.of(
            "protocol", 0, "media", 1, "telephony", 2, "platform", 3, "server", 4, "benchmarks", 5);

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.parley\\.([a-z]+)\\b");
    private static final Pattern POM_DEPENDENCY = Pattern.compile("<artifactId>parley-([a-z]+)</artifactId>");
    private static final List<String> FORBIDDEN_IN_PROTOCOL = List.of(
            "java.net.Socket", "java.net.DatagramSocket", "java.net.ServerSocket", "java.nio.channels.",
            "java.util.concurrent.Executor", "java.util.concurrent.ThreadPoolExecutor", "java.lang.Thread");

    static Path repositoryRoot() {
        String root = System.getProperty("parley.repository.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(path.resolve("pom.xml")), "repository root not found at " + path);
        return path;
    }

    @Test
    void noModuleReferencesAModuleAboveIt() {
        Path root = repositoryRoot();
        var violations = new ArrayList<String>();
        for (var module : LAYER.entrySet()) {
            List<Path> sources = javaSources(root.resolve(module.getKey()));
            assertTrue(!sources.isEmpty(), "module " + module.getKey() + " has no sources to check");
            for (Path source : sources) {
                violations.addAll(upwardReferences(module.getKey(), read(source)).stream()
                        .map(v -> root.relativize(source) + ": " + v).toList());
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void pomsDeclareOnlyModulesBelow() {
        Path root = repositoryRoot();
        var violations = new ArrayList<String>();
        for (var module : LAYER.entrySet()) {
            Matcher m = POM_DEPENDENCY.matcher(read(root.resolve(module.getKey()).resolve("pom.xml")));
            while (m.find()) {
                Integer target = LAYER.get(m.group(1));
                if (target != null && target >= module.getValue()) {
                    if (!m.group(1).equals(module.getKey())) {
                        violations.add(module.getKey() + "/pom.xml depends on parley-" + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void protocolStaysSansIo() {
        Path root = repositoryRoot();
        var violations = new ArrayList<String>();
        for (Path source : javaSources(root.resolve("protocol"))) {
            String text = read(source);
            FORBIDDEN_IN_PROTOCOL.stream().filter(text::contains)
                    .forEach(f -> violations.add(root.relativize(source) + " uses " + f));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckCatchesAnUpwardImport() {
        String source = """
                package dev.parley.media;
                import dev.parley.protocol.Stun;
                import dev.parley.platform.account.Account;
                class X { dev.parley.server.Main m; }
                """;
        assertEquals(List.of("references dev.parley.platform", "references dev.parley.server"),
                upwardReferences("media", source));
        assertEquals(List.of(), upwardReferences("server", source));
    }

    static List<String> upwardReferences(String module, String source) {
        int own = LAYER.get(module);
        var found = new ArrayList<String>();
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            Integer target = LAYER.get(m.group(1));
            String message = "references dev.parley." + m.group(1);
            if (target != null && target > own && !found.contains(message)) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<Path> javaSources(Path module) {
        Path src = module.resolve("src");
        if (!Files.isDirectory(src)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
