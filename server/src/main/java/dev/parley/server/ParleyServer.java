package dev.parley.server;

import dev.parley.media.MediaServer;
import dev.parley.platform.Platform;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.api.ApiServer;
import dev.parley.platform.signaling.Signaling;
import dev.parley.platform.signaling.SignalingSettings;
import dev.parley.platform.store.Database;
import dev.parley.server.config.ParleyConfig;
import java.time.Clock;
import java.util.Optional;

/**
 * One running Parley: database, platform services and the HTTP edge, started in that order
 * and closed in reverse.
 */
public final class ParleyServer implements AutoCloseable {

    private final Database database;
    private final MediaServer media;
    private final ApiServer api;
    private final int port;
    private final Optional<IssuedApiKey> firstApiKey;
    private final Platform platform;

    private ParleyServer(Database database, MediaServer media, ApiServer api, int port,
                         Optional<IssuedApiKey> firstApiKey, Platform platform) {
        this.platform = platform;
        this.database = database;
        this.media = media;
        this.api = api;
        this.port = port;
        this.firstApiKey = firstApiKey;
    }

    /**
     * Opens the database (migrating it), creates the first account when there is none, and
     * starts listening.
     */
    public static ParleyServer start(ParleyConfig config, Clock clock) {
        return start(config, clock, config.signaling());
    }

    /** As {@link #start(ParleyConfig, Clock)}, with signaling timings of the caller's (tests shorten them). */
    public static ParleyServer start(ParleyConfig config, Clock clock, SignalingSettings signalingSettings) {
        Database database = Database.open(config.database());
        MediaServer media = null;
        try {
            // The issuer is fixed before the port is bound; with port 0 (tests) set public-url.
            var platform = new Platform(database, clock, config.publicUrl(config.httpPort()), config.signingKeyRefresh());
            Optional<IssuedApiKey> firstKey = platform.accounts().hasAnyAccount()
                    ? Optional.empty()
                    : Optional.of(platform.accounts().createAccount(config.bootstrapAccountName()));
            platform.signingKeys().activeKey();
            media = MediaServer.start(config.media());
            var signaling = new Signaling(signalingSettings, clock, platform.tokenVerifier(), platform.identities(), media);
            var api = new ApiServer(config.api(), platform, media, clock, signaling);
            int port = api.start();
            // Status reports of dynamic destination resolving, including those an earlier run left.
            platform.dynamicDestinations().start();
            return new ParleyServer(database, media, api, port, firstKey, platform);
        } catch (RuntimeException e) {
            if (media != null) {
                media.close();
            }
            database.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The first account's key, when this start created the first account. */
    public Optional<IssuedApiKey> firstApiKey() {
        return firstApiKey;
    }

    public ApiServer api() {
        return api;
    }

    /** The platform services (accounts, tokens), for the admin side of tests. */
    public Platform platform() {
        return platform;
    }

    public MediaServer media() {
        return media;
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            try {
                media.close();
            } finally {
                try {
                    platform.dynamicDestinations().close();
                } finally {
                    database.close();
                }
            }
        }
    }
}
