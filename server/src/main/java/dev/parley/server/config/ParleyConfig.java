package dev.parley.server.config;

import dev.parley.media.MediaSettings;
import dev.parley.platform.api.ApiSettings;
import dev.parley.platform.signaling.SignalingSettings;
import dev.parley.platform.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The resolved configuration of one Parley process. See {@link ConfigKeys} for each value's meaning. */
public record ParleyConfig(
        String httpHost,
        int httpPort,
        long httpMaxBodyBytes,
        Optional<String> publicUrl,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        double tokenRatePerSecond,
        int tokenRateBurst,
        Duration signingKeyRefresh,
        String bootstrapAccountName,
        MediaSettings media,
        Duration ringTimeout,
        int roomsMaxParticipants,
        String demoTokenEndpoint) {

    public DatabaseSettings database() {
        return dbUrl.map(url -> new DatabaseSettings(url, dbUser, dbPassword, dbPoolSize))
                .orElseGet(() -> DatabaseSettings.embedded(dataDir, dbPoolSize));
    }

    public ApiSettings api() {
        return new ApiSettings(httpHost, httpPort, httpMaxBodyBytes, tokenRatePerSecond, tokenRateBurst,
                demoTokenEndpointEnabled());
    }

    /** {@code auto} means on exactly when the database is the embedded one: a private test setup. */
    public boolean demoTokenEndpointEnabled() {
        return switch (demoTokenEndpoint) {
            case "on" -> true;
            case "off" -> false;
            default -> dbUrl.isEmpty();
        };
    }

    /** Signaling with the configured ring timeout and room size, and the protocol's fixed timings. */
    public SignalingSettings signaling() {
        return SignalingSettings.defaults().withRingTimeout(ringTimeout).withMaxRoomParticipants(roomsMaxParticipants);
    }

    /** The public URL; when unset, localhost on the port actually bound. */
    public String publicUrl(int boundPort) {
        return publicUrl.orElse("http://localhost:" + boundPort);
    }

    @Override
    public String toString() {
        return "ParleyConfig[http=" + httpHost + ":" + httpPort + ", dataDir=" + dataDir + ", db=" + database() + "]";
    }
}
