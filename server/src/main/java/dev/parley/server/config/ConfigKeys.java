package dev.parley.server.config;

import java.util.List;

/** Every configuration key Parley knows. An empty default means "not set". */
public final class ConfigKeys {

    public static final ConfigKey HTTP_HOST = new ConfigKey("http.host", "0.0.0.0",
            "Address the HTTP server binds; 0.0.0.0 for every interface.");
    public static final ConfigKey HTTP_PORT = new ConfigKey("http.port", "8080",
            "TCP port of the HTTP server (REST API, WebSocket, pages).");
    public static final ConfigKey HTTP_MAX_BODY_BYTES = new ConfigKey("http.max-body-bytes", "65536",
            "Largest request body accepted; larger ones get 413.");
    public static final ConfigKey PUBLIC_URL = new ConfigKey("public-url", "",
            "URL clients reach Parley at; the issuer of tokens. Empty: http://localhost:<http.port>.");
    public static final ConfigKey DATA_DIR = new ConfigKey("data.dir", "./data",
            "Directory for the embedded database and, unless recordings.dir says otherwise, recordings.");
    public static final ConfigKey DB_URL = new ConfigKey("db.url", "",
            "JDBC URL of a PostgreSQL database (jdbc:postgresql://host:5432/parley). Empty: embedded H2 in data.dir.");
    public static final ConfigKey DB_USER = new ConfigKey("db.user", "parley",
            "Database user.");
    public static final ConfigKey DB_PASSWORD = new ConfigKey("db.password", "",
            "Database password.");
    public static final ConfigKey DB_POOL_SIZE = new ConfigKey("db.pool-size", "10",
            "Largest number of open database connections.");
    public static final ConfigKey TOKEN_RATE_PER_SECOND = new ConfigKey("ratelimit.token.per-second", "10",
            "Sustained requests per second each client may make to the token endpoints.");
    public static final ConfigKey TOKEN_RATE_BURST = new ConfigKey("ratelimit.token.burst", "50",
            "Requests a client may make to the token endpoints at once before the rate applies.");
    public static final ConfigKey SIGNING_KEY_REFRESH_SECONDS = new ConfigKey("signing-key.refresh-seconds", "10",
            "How often the server re-reads the signing keys, so a rotation from the command line takes effect.");
    public static final ConfigKey BOOTSTRAP_ACCOUNT_NAME = new ConfigKey("bootstrap.account-name", "Default account",
            "Name of the account created on the first start with an empty database.");

    public static final ConfigKey MEDIA_PORT = new ConfigKey("media.port", "10000",
            "The one UDP port all media (ICE, DTLS, SRTP) uses; open it in the firewall.");
    public static final ConfigKey MEDIA_BIND_ADDRESS = new ConfigKey("media.bind-address", "0.0.0.0",
            "Local address the media port binds.");
    public static final ConfigKey MEDIA_ANNOUNCED_ADDRESSES = new ConfigKey("media.announced-addresses", "",
            "Comma-separated IP addresses offered to peers as ICE candidates (the public IP behind NAT). "
                    + "Empty: every non-loopback interface address.");
    public static final ConfigKey MEDIA_CODEC_THREADS = new ConfigKey("media.codec-threads", "0",
            "Threads that transcode Opus and G.711 for phone calls. 0: one per core the media loop leaves free "
                    + "(cores - 1, at least one); on 2 cores, 2 carries more transcoded calls at some cost to "
                    + "forwarding latency (docs/benchmarks.md).");

    public static final ConfigKey SIP_PORT = new ConfigKey("sip.port", "5060",
            "Port of the SIP user agent, UDP and TCP, that trunks send calls to and Parley calls out from.");
    public static final ConfigKey SIP_BIND_ADDRESS = new ConfigKey("sip.bind-address", "0.0.0.0",
            "Local address the SIP port binds.");
    public static final ConfigKey SIP_ADVERTISED_HOST = new ConfigKey("sip.advertised-host", "",
            "Host or IP address put in Via and Contact (the public address behind NAT). "
                    + "Empty: the first of media.announced-addresses, else a non-loopback interface address.");
    public static final ConfigKey SIP_KEEP_ALIVE_SECONDS = new ConfigKey("sip.keep-alive-seconds", "30",
            "Seconds between OPTIONS pings to each trunk with keepAlive on.");
    public static final ConfigKey DYNAMIC_DESTINATION_TIMEOUT_SECONDS = new ConfigKey(
            "dynamic-destination.timeout-seconds", "5",
            "Seconds the dynamic destination callback URL has to answer before the call fails with URL_UNREACHABLE "
                    + "(10401); status URL deliveries get as long.");

    public static final ConfigKey CALLS_RING_TIMEOUT_SECONDS = new ConfigKey("calls.ring-timeout-seconds", "60",
            "Seconds a one-to-one call rings before it ends with NO_ANSWER (10200).");
    public static final ConfigKey ROOMS_MAX_PARTICIPANTS = new ConfigKey("rooms.max-participants", "50",
            "Most members a room holds; one more join gets ROOM_FULL (10306).");
    public static final ConfigKey DEMO_TOKEN_ENDPOINT = new ConfigKey("demo.token-endpoint", "auto",
            "POST /demo/token (sign in to the demo app without an API key): on, off, or auto (on with the embedded "
                    + "database, i.e. db.url empty; off otherwise).");

    public static final ConfigKey RECORDINGS_DIR = new ConfigKey("recordings.dir", "",
            "Directory of recording files (one subdirectory per recording). Empty: <data.dir>/recordings.");
    public static final ConfigKey RECORDINGS_FFMPEG = new ConfigKey("recordings.ffmpeg", "/usr/bin/ffmpeg",
            "The ffmpeg that composes recordings. Missing, compositions end FAILED saying so; recording goes on.");
    public static final ConfigKey RECORDINGS_FFPROBE = new ConfigKey("recordings.ffprobe", "/usr/bin/ffprobe",
            "The ffprobe that reads the duration of files a stopped server left unfinished. Missing: the time "
                    + "each file was last written is used.");
    public static final ConfigKey RECORDINGS_COMPOSE_TIMEOUT_SECONDS = new ConfigKey(
            "recordings.compose-timeout-seconds", "1800",
            "Seconds one composition may run before ffmpeg is stopped and the recording is FAILED.");

    public static final ConfigKey CALL_LINKS_PUBLIC_BASE_URL = new ConfigKey("call-links.public-base-url", "",
            "What call link URLs start with (<base>/l/<code>), e.g. a short domain that reaches Parley. "
                    + "Empty: public-url, else http://localhost:<http.port>.");

    public static final List<ConfigKey> ALL = List.of(HTTP_HOST, HTTP_PORT, HTTP_MAX_BODY_BYTES, PUBLIC_URL,
            DATA_DIR, DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE, TOKEN_RATE_PER_SECOND, TOKEN_RATE_BURST,
            SIGNING_KEY_REFRESH_SECONDS, BOOTSTRAP_ACCOUNT_NAME, MEDIA_PORT, MEDIA_BIND_ADDRESS,
            MEDIA_ANNOUNCED_ADDRESSES, MEDIA_CODEC_THREADS, SIP_PORT, SIP_BIND_ADDRESS, SIP_ADVERTISED_HOST, SIP_KEEP_ALIVE_SECONDS,
            DYNAMIC_DESTINATION_TIMEOUT_SECONDS, CALLS_RING_TIMEOUT_SECONDS, ROOMS_MAX_PARTICIPANTS, DEMO_TOKEN_ENDPOINT,
            RECORDINGS_DIR, RECORDINGS_FFMPEG, RECORDINGS_FFPROBE, RECORDINGS_COMPOSE_TIMEOUT_SECONDS,
            CALL_LINKS_PUBLIC_BASE_URL);

    private ConfigKeys() {
    }
}
