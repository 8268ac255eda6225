package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigKey;
import dev.parley.server.config.ConfigKeys;
import dev.parley.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsGiveEmbeddedH2OnPort8080() {
        var config = ConfigLoader.load(Map.of(), dir);
        assertEquals(8080, config.httpPort());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals(dir.resolve("data"), config.dataDir());
        assertTrue(config.database().url().startsWith("jdbc:h2:file:" + dir.resolve("data")));
        assertEquals("http://localhost:8080", config.publicUrl(8080));
        assertEquals(Duration.ofSeconds(10), config.signingKeyRefresh());
    }

    @Test
    void theCodecPoolIsCoresMinusOneUnlessSet() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, cores - 1), ConfigLoader.load(Map.of(), dir).media().codecPoolSize());
        assertEquals(2, ConfigLoader.load(Map.of("PARLEY_MEDIA_CODEC_THREADS", "2"), dir).media().codecPoolSize());
    }

    @Test
    void environmentOverridesFileWhichOverridesDefaults() throws IOException {
        Files.writeString(dir.resolve("parley.properties"), """
                # comment
                http.port = 9000
                db.pool-size = 3
                """);
        var config = ConfigLoader.load(Map.of("PARLEY_HTTP_PORT", "9100", "PATH", "/bin"), dir);
        assertEquals(9100, config.httpPort());
        assertEquals(3, config.dbPoolSize());
    }

    @Test
    void postgresUrlSelectsPostgres() {
        var config = ConfigLoader.load(Map.of("PARLEY_DB_URL", "jdbc:postgresql://db:5432/parley",
                "PARLEY_DB_USER", "app", "PARLEY_DB_PASSWORD", "s3cret"), dir);
        assertTrue(config.database().isPostgres());
        assertEquals("app", config.database().user());
        assertTrue(!config.toString().contains("s3cret"), "the password is never printed");
    }

    @Test
    void explicitConfigFileMustExist() throws IOException {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PARLEY_CONFIG", "nope.properties"), dir));
        assertTrue(e.getMessage().contains("nope.properties"), e.getMessage());
        Files.writeString(dir.resolve("other.properties"), "http.port=7000\n");
        assertEquals(7000, ConfigLoader.load(Map.of("PARLEY_CONFIG", "other.properties"), dir).httpPort());
    }

    @Test
    void unknownKeysStopTheStartAndAreNamed() throws IOException {
        Files.writeString(dir.resolve("parley.properties"), "http.prot=9000\n");
        var inFile = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), dir));
        assertTrue(inFile.getMessage().contains("'http.prot'"), inFile.getMessage());

        Files.delete(dir.resolve("parley.properties"));
        var inEnv = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PARLEY_HTTP_PROT", "1"), dir));
        assertTrue(inEnv.getMessage().contains("PARLEY_HTTP_PROT"), inEnv.getMessage());
        // Variables of the script and the tests are not configuration keys.
        ConfigLoader.load(Map.of("PARLEY_JAVA_OPTS", "-Xmx1g", "PARLEY_TEST_PG_URL", "x"), dir);
    }

    @Test
    void badValuesAreRefusedWithTheirKey() {
        assertRefused(Map.of("PARLEY_HTTP_PORT", "http"), "http.port");
        assertRefused(Map.of("PARLEY_MEDIA_CODEC_THREADS", "-1"), "media.codec-threads");
        assertRefused(Map.of("PARLEY_HTTP_PORT", "70000"), "http.port");
        assertRefused(Map.of("PARLEY_DB_URL", "mysql://x"), "db.url");
        assertRefused(Map.of("PARLEY_PUBLIC_URL", "ftp://x"), "public-url");
        assertRefused(Map.of("PARLEY_RATELIMIT_TOKEN_PER_SECOND", "-1"), "ratelimit.token.per-second");
        assertRefused(Map.of("PARLEY_DB_POOL_SIZE", "0"), "db.pool-size");
    }

    @Test
    void publicUrlLosesItsTrailingSlash() {
        assertEquals(Optional.of("https://calls.example.com"),
                ConfigLoader.load(Map.of("PARLEY_PUBLIC_URL", "https://calls.example.com/"), dir).publicUrl());
    }

    @Test
    void everyKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String docs = Files.readString(ModuleLayeringTest.repositoryRoot().resolve("docs/configuration.md"));
        for (ConfigKey key : ConfigKeys.ALL) {
            String row = docs.lines().filter(line -> line.contains("`" + key.name() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError(key.name() + " is not in docs/configuration.md"));
            assertTrue(row.contains("`" + key.environmentVariable() + "`"), row);
            assertTrue(key.defaultValue().isEmpty() ? row.contains("(empty)") : row.contains("`" + key.defaultValue() + "`"),
                    key.name() + " default " + key.defaultValue() + " not in: " + row);
        }
    }

    private void assertRefused(Map<String, String> env, String key) {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env, dir));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
