package dev.parley.server;

import dev.parley.media.MediaServer;
import dev.parley.platform.Platform;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.api.ApiServer;
import dev.parley.platform.signaling.Signaling;
import dev.parley.platform.signaling.SignalingSettings;
import dev.parley.platform.store.Database;
import dev.parley.server.config.ParleyConfig;
import dev.parley.platform.calls.PhoneCalls;
import dev.parley.platform.recording.RecoverySummary;
import dev.parley.platform.telephony.TrunkKeepAlives;
import dev.parley.telephony.sip.InboundHandler;
import dev.parley.telephony.sip.SipStack;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running Parley: database, platform services and the HTTP edge, started in that order
 * and closed in reverse.
 */
public final class ParleyServer implements AutoCloseable {

    private final Database database;
    private final MediaServer media;
    private final SipStack sip;
    private final TrunkKeepAlives keepAlives;
    private final ApiServer api;
    private final int port;
    private final Optional<IssuedApiKey> firstApiKey;
    private final Platform platform;
    private final RecoverySummary recovered;

    private ParleyServer(Database database, MediaServer media, SipStack sip, TrunkKeepAlives keepAlives, ApiServer api,
                         int port, Optional<IssuedApiKey> firstApiKey, Platform platform, RecoverySummary recovered) {
        this.platform = platform;
        this.recovered = recovered;
        this.database = database;
        this.media = media;
        this.sip = sip;
        this.keepAlives = keepAlives;
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
        SipStack sip = null;
        TrunkKeepAlives keepAlives = null;
        Platform platform = null;
        try {
            // The issuer is fixed before the port is bound; with port 0 (tests) set public-url.
            platform = new Platform(database, clock, config.publicUrl(config.httpPort()), config.signingKeyRefresh(),
                    config.dynamicDestinations(), config.recordings());
            // Before anything records or is served: recordings a stopped run left are finalised
            // (marked interrupted) and compositions it left are started again.
            // The media module knows its own containers: it repairs what a kill cut (Duration,
            // a half-written cluster) and says how long the file plays.
            RecoverySummary recovered = platform.recordings().recoverAfterRestart((file, format) -> {
                var repaired = dev.parley.media.recording.RecordingFiles.finalizeInterrupted(file);
                return repaired.duration().isZero() ? Optional.empty() : Optional.of(repaired.duration());
            });
            Optional<IssuedApiKey> firstKey = platform.accounts().hasAnyAccount()
                    ? Optional.empty()
                    : Optional.of(platform.accounts().createAccount(config.bootstrapAccountName()));
            platform.signingKeys().activeKey();
            media = MediaServer.start(config.media());
            // INVITEs reach the phone calls of signaling, which exist once the stack does.
            var inbound = new AtomicReference<InboundHandler>(InboundHandler.REJECT_ALL);
            sip = SipStack.start(config.sip().settings(media.candidates().stream().map(InetSocketAddress::getAddress).toList()),
                    call -> inbound.get().onInvite(call));
            var signaling = new Signaling(signalingSettings, clock, platform.tokenVerifier(), platform.identities(), media,
                    new PhoneCalls.Services(sip, platform.telephony(), platform.dynamicDestinations()),
                    platform.recordings(), platform.recordingSettings());
            inbound.set(signaling.phoneCalls());
            // Trunks added or changed through the API are picked up within a ping interval (at most 30 s).
            Duration interval = config.sip().keepAliveInterval();
            keepAlives = new TrunkKeepAlives(sip, platform.telephony(), interval,
                    interval.compareTo(Duration.ofSeconds(30)) < 0 ? interval : Duration.ofSeconds(30));
            var api = new ApiServer(config.api(), platform, media, clock, signaling);
            int port = api.start();
            // Status reports of dynamic destination resolving, including those an earlier run left.
            platform.dynamicDestinations().start();
            return new ParleyServer(database, media, sip, keepAlives, api, port, firstKey, platform, recovered);
        } catch (RuntimeException e) {
            if (keepAlives != null) {
                keepAlives.close();
            }
            if (sip != null) {
                sip.close();
            }
            if (media != null) {
                media.close();
            }
            if (platform != null) {
                platform.recordings().close();
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

    /** What this start found of the recordings an earlier run left unfinished. */
    public RecoverySummary recordingRecovery() {
        return recovered;
    }

    /** The OPTIONS pings to trunks, and what they found. */
    public TrunkKeepAlives trunkKeepAlives() {
        return keepAlives;
    }

    /** The SIP user agent (its port, for trunks and tests). */
    public SipStack sip() {
        return sip;
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            try {
                keepAlives.close();
                sip.close();
                media.close();
            } finally {
                try {
                    platform.dynamicDestinations().close();
                } finally {
                    try {
                        // Compositions still running are stopped; the next start composes them again.
                        platform.recordings().close();
                    } finally {
                        database.close();
                    }
                }
            }
        }
    }
}
