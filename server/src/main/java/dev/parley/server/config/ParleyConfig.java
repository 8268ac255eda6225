package dev.parley.server.config;

import dev.parley.media.MediaSettings;
import dev.parley.platform.api.ApiSettings;
import dev.parley.platform.signaling.SignalingSettings;
import dev.parley.platform.store.DatabaseSettings;
import dev.parley.platform.ddr.DynamicDestinationSettings;
import dev.parley.platform.recording.RecordingOptions;
import dev.parley.telephony.sip.SipSettings;
import dev.parley.telephony.sip.SipTimers;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
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
        Sip sip,
        Duration dynamicDestinationTimeout,
        Duration ringTimeout,
        int roomsMaxParticipants,
        String demoTokenEndpoint,
        RecordingOptions recordings) {

    /** The SIP user agent's port and address, and how often trunks are pinged. */
    public record Sip(int port, InetAddress bindAddress, Optional<String> advertisedHost, Duration keepAliveInterval) {

        /**
         * The stack's settings. Unset, the advertised host is the media server's first announced
         * address: both name the address phones and carriers reach this machine at.
         */
        public SipSettings settings(List<InetAddress> mediaAnnounced) {
            Optional<String> host = advertisedHost.or(() -> mediaAnnounced.stream().findFirst()
                    .map(address -> address instanceof java.net.Inet6Address ? "[" + address.getHostAddress() + "]"
                            : address.getHostAddress()));
            return new SipSettings(bindAddress, port, host, SipSettings.DEFAULT_USER_AGENT, SipTimers.DEFAULTS);
        }
    }

    public DynamicDestinationSettings dynamicDestinations() {
        return DynamicDestinationSettings.defaults().withResolveTimeout(dynamicDestinationTimeout)
                .withStatusTimeout(dynamicDestinationTimeout);
    }

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
