package dev.parley.server.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.parley.media.MediaSettings;
import dev.parley.platform.recording.RecordingOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Resolves the configuration: defaults, overridden by the config file, overridden by
 * environment variables. The config file is {@code PARLEY_CONFIG} when set (it must exist),
 * else {@code parley.properties} in the working directory when present. An unknown key in the
 * file, or an unknown {@code PARLEY_*} variable, stops the start with a message naming it.
 */
public final class ConfigLoader {

    /** Variables read by the {@code parley} script or the tests, not configuration keys. */
    private static final Set<String> NON_CONFIG_VARIABLES = Set.of("PARLEY_CONFIG", "PARLEY_JAVA_OPTS", "PARLEY_JVM_DIRS");
    private static final String TEST_VARIABLE_PREFIX = "PARLEY_TEST_";
    public static final String DEFAULT_FILE = "parley.properties";

    private ConfigLoader() {
    }

    /** Loads from the real environment and working directory. */
    public static ParleyConfig load() {
        return load(System.getenv(), Path.of("").toAbsolutePath());
    }

    public static ParleyConfig load(Map<String, String> environment, Path workingDirectory) {
        var values = new HashMap<String, String>();
        for (ConfigKey key : ConfigKeys.ALL) {
            values.put(key.name(), key.defaultValue());
        }
        configFile(environment, workingDirectory).ifPresent(file -> values.putAll(readFile(file)));
        values.putAll(fromEnvironment(environment));
        return resolve(values, workingDirectory);
    }

    private static Optional<Path> configFile(Map<String, String> environment, Path workingDirectory) {
        String explicit = environment.get("PARLEY_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            Path file = workingDirectory.resolve(explicit);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("PARLEY_CONFIG names " + file + ", which is not a readable file");
            }
            return Optional.of(file);
        }
        Path file = workingDirectory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static Map<String, String> readFile(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Set<String> known = ConfigKeys.ALL.stream().map(ConfigKey::name).collect(Collectors.toSet());
        var values = new TreeMap<String, String>();
        for (String name : properties.stringPropertyNames()) {
            if (!known.contains(name)) {
                throw new ConfigException("unknown configuration key '" + name + "' in " + file
                        + "; known keys are listed in docs/configuration.md");
            }
            values.put(name, properties.getProperty(name).strip());
        }
        return values;
    }

    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, ConfigKey> byVariable = ConfigKeys.ALL.stream()
                .collect(Collectors.toMap(ConfigKey::environmentVariable, k -> k));
        var values = new HashMap<String, String>();
        for (var entry : new TreeMap<>(environment).entrySet()) {
            String variable = entry.getKey();
            if (!variable.startsWith("PARLEY_") || NON_CONFIG_VARIABLES.contains(variable)
                    || variable.startsWith(TEST_VARIABLE_PREFIX)) {
                continue;
            }
            ConfigKey key = byVariable.get(variable);
            if (key == null) {
                throw new ConfigException("unknown configuration variable " + variable
                        + "; known variables are listed in docs/configuration.md");
            }
            values.put(key.name(), entry.getValue().strip());
        }
        return values;
    }

    private static ParleyConfig resolve(Map<String, String> values, Path workingDirectory) {
        var v = new Values(values);
        Optional<String> publicUrl = v.optional(ConfigKeys.PUBLIC_URL);
        publicUrl.ifPresent(url -> requireHttpUrl(ConfigKeys.PUBLIC_URL, url));
        Optional<String> dbUrl = v.optional(ConfigKeys.DB_URL);
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new ConfigException(ConfigKeys.DB_URL.name() + " (" + ConfigKeys.DB_URL.environmentVariable()
                        + ") must be a jdbc:postgresql: or jdbc:h2: URL, not '" + url + "'");
            }
        });
        Path dataDir = workingDirectory.resolve(v.required(ConfigKeys.DATA_DIR)).normalize();
        return new ParleyConfig(
                v.required(ConfigKeys.HTTP_HOST),
                v.integer(ConfigKeys.HTTP_PORT, 0, 65535),
                v.integer(ConfigKeys.HTTP_MAX_BODY_BYTES, 1024, 64 * 1024 * 1024),
                publicUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                dataDir,
                dbUrl,
                v.required(ConfigKeys.DB_USER),
                values.get(ConfigKeys.DB_PASSWORD.name()),
                v.integer(ConfigKeys.DB_POOL_SIZE, 1, 500),
                v.decimal(ConfigKeys.TOKEN_RATE_PER_SECOND, 0.001, 1_000_000),
                v.integer(ConfigKeys.TOKEN_RATE_BURST, 1, 1_000_000),
                Duration.ofSeconds(v.integer(ConfigKeys.SIGNING_KEY_REFRESH_SECONDS, 1, 3600)),
                v.required(ConfigKeys.BOOTSTRAP_ACCOUNT_NAME),
                new MediaSettings(v.integer(ConfigKeys.MEDIA_PORT, 0, 65535),
                        v.address(ConfigKeys.MEDIA_BIND_ADDRESS),
                        v.addresses(ConfigKeys.MEDIA_ANNOUNCED_ADDRESSES), dev.parley.media.transport.TransportKind.AUTO,
                        v.integer(ConfigKeys.MEDIA_CODEC_THREADS, 0, 256)),
                new ParleyConfig.Sip(v.integer(ConfigKeys.SIP_PORT, 0, 65535), v.address(ConfigKeys.SIP_BIND_ADDRESS),
                        v.optional(ConfigKeys.SIP_ADVERTISED_HOST).map(host -> sipHost(ConfigKeys.SIP_ADVERTISED_HOST, host)),
                        Duration.ofSeconds(v.integer(ConfigKeys.SIP_KEEP_ALIVE_SECONDS, 5, 3600))),
                Duration.ofSeconds(v.integer(ConfigKeys.DYNAMIC_DESTINATION_TIMEOUT_SECONDS, 1, 60)),
                Duration.ofSeconds(v.integer(ConfigKeys.CALLS_RING_TIMEOUT_SECONDS, 1, 3600)),
                v.integer(ConfigKeys.ROOMS_MAX_PARTICIPANTS, 2, 10_000),
                v.oneOf(ConfigKeys.DEMO_TOKEN_ENDPOINT, "auto", "on", "off"),
                recordings(v, workingDirectory, dataDir),
                callLinksBaseUrl(v));
    }

    /**
     * Recording files and tools. The tools are not looked for here: a server without ffmpeg
     * still records, and says why when a composition cannot run.
     */
    private static RecordingOptions recordings(Values v, Path workingDirectory, Path dataDir) {
        Path directory = v.optional(ConfigKeys.RECORDINGS_DIR)
                .map(dir -> workingDirectory.resolve(dir).normalize())
                .orElse(dataDir.resolve("recordings"));
        return RecordingOptions.defaults(directory)
                .withTools(workingDirectory.resolve(v.required(ConfigKeys.RECORDINGS_FFMPEG)).normalize(),
                        workingDirectory.resolve(v.required(ConfigKeys.RECORDINGS_FFPROBE)).normalize())
                .withComposeTimeout(Duration.ofSeconds(v.integer(ConfigKeys.RECORDINGS_COMPOSE_TIMEOUT_SECONDS, 10, 86_400)));
    }

    /** Like public-url: an http(s) URL, kept without a trailing slash; a path is allowed (behind a proxy). */
    private static Optional<String> callLinksBaseUrl(Values v) {
        Optional<String> url = v.optional(ConfigKeys.CALL_LINKS_PUBLIC_BASE_URL);
        url.ifPresent(u -> requireHttpUrl(ConfigKeys.CALL_LINKS_PUBLIC_BASE_URL, u));
        return url.map(u -> u.replaceAll("/+$", ""));
    }

    private static String sipHost(ConfigKey key, String host) {
        if (!host.matches("[A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:.]+]")) {
            throw new ConfigException(key.name() + " (" + key.environmentVariable()
                    + ") must be a host name or IP address, not '" + host + "'");
        }
        return host;
    }

    private static void requireHttpUrl(ConfigKey key, String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key.name() + " (" + key.environmentVariable() + ") must be an http:// or https:// URL, not '" + url + "'");
        }
    }

    /** Typed access with messages that name the key and its variable. */
    private record Values(Map<String, String> values) {

        String required(ConfigKey key) {
            String value = values.get(key.name());
            if (value == null || value.isBlank()) {
                throw new ConfigException(describe(key) + " must not be empty");
            }
            return value;
        }

        Optional<String> optional(ConfigKey key) {
            String value = values.get(key.name());
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        int integer(ConfigKey key, int min, int max) {
            String text = required(key);
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new ConfigException(describe(key) + " must be between " + min + " and " + max + ", not " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(describe(key) + " must be a whole number, not '" + text + "'");
            }
        }

        String oneOf(ConfigKey key, String... allowed) {
            String value = required(key);
            if (!java.util.List.of(allowed).contains(value)) {
                throw new ConfigException(describe(key) + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
            }
            return value;
        }

        double decimal(ConfigKey key, double min, double max) {
            String text = required(key);
            try {
                double value = Double.parseDouble(text);
                if (!(value >= min && value <= max)) {
                    throw new ConfigException(describe(key) + " must be between " + min + " and " + max + ", not " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(describe(key) + " must be a number, not '" + text + "'");
            }
        }

        java.net.InetAddress address(ConfigKey key) {
            return parseAddress(key, required(key));
        }

        java.util.List<java.net.InetAddress> addresses(ConfigKey key) {
            return optional(key).map(text -> java.util.Arrays.stream(text.split(","))
                    .map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> parseAddress(key, s)).toList()).orElse(java.util.List.of());
        }

        private static java.net.InetAddress parseAddress(ConfigKey key, String text) {
            // Literal IP addresses only: a host name would mean a DNS lookup at every start.
            if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new ConfigException(describe(key) + " must be IP addresses, not '" + text + "'");
            }
            try {
                return java.net.InetAddress.getByName(text);
            } catch (java.net.UnknownHostException e) {
                throw new ConfigException(describe(key) + " must be IP addresses, not '" + text + "'");
            }
        }

        private static String describe(ConfigKey key) {
            return key.name() + " (" + key.environmentVariable() + ")";
        }
    }
}
