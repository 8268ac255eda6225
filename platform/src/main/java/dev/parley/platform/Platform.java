package dev.parley.platform;

import dev.parley.platform.account.AccountService;
import dev.parley.platform.ddr.DynamicDestinationConfigs;
import dev.parley.platform.ddr.DynamicDestinationSettings;
import dev.parley.platform.ddr.DynamicDestinations;
import dev.parley.platform.identity.IdentityDirectory;
import dev.parley.platform.recording.LocalRecordingStore;
import dev.parley.platform.recording.RecordingOptions;
import dev.parley.platform.recording.RecordingSettings;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.store.Database;
import dev.parley.platform.telephony.NumberService;
import dev.parley.platform.telephony.TelephonyDirectory;
import dev.parley.platform.telephony.TrunkService;
import dev.parley.platform.token.AccessTokens;
import dev.parley.platform.token.ClientCredentialService;
import dev.parley.platform.token.IdentityTokens;
import dev.parley.platform.token.SigningKeyRing;
import dev.parley.platform.token.SigningKeyStore;
import dev.parley.platform.token.TokenSigner;
import dev.parley.platform.token.TokenVerifier;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The platform's services over one database, wired once. Both the HTTP server and the
 * admin command line use this, so they behave the same.
 */
public final class Platform {

    private final Database database;
    private final AccountService accounts;
    private final ClientCredentialService credentials;
    private final SigningKeyRing signingKeys;
    private final IdentityTokens identityTokens;
    private final AccessTokens accessTokens;
    private final TokenVerifier tokenVerifier;
    private final IdentityDirectory identities;
    private final TrunkService trunks;
    private final NumberService numbers;
    private final TelephonyDirectory telephony;
    private final DynamicDestinationConfigs dynamicDestinationConfigs;
    private final DynamicDestinations dynamicDestinations;
    private final RecordingSettings recordingSettings;
    private final Recordings recordings;

    /** As the full constructor, with dynamic destination resolving's documented defaults. */
    public Platform(Database database, Clock clock, String issuer, Duration keyRefreshInterval) {
        this(database, clock, issuer, keyRefreshInterval, DynamicDestinationSettings.defaults());
    }

    /** As the full constructor, with recordings under {@code ./data/recordings} (nothing is written there until something records). */
    public Platform(Database database, Clock clock, String issuer, Duration keyRefreshInterval,
                    DynamicDestinationSettings dynamicDestinationSettings) {
        this(database, clock, issuer, keyRefreshInterval, dynamicDestinationSettings,
                RecordingOptions.defaults(Path.of("data", "recordings")));
    }

    /**
     * @param issuer             the {@code iss} of every token: Parley's public URL
     * @param keyRefreshInterval how often the signing keys are re-read, so that a rotation
     *                           done by another process is picked up
     * @param dynamicDestinationSettings timeouts and retries of dynamic destination resolving;
     *                           its status reports are delivered only once
     *                           {@code dynamicDestinations().start()} is called (the server does,
     *                           the admin command line does not)
     * @param recordingOptions   where recording files go (a {@link LocalRecordingStore} in its
     *                           directory) and the tools that compose them
     */
    public Platform(Database database, Clock clock, String issuer, Duration keyRefreshInterval,
                    DynamicDestinationSettings dynamicDestinationSettings, RecordingOptions recordingOptions) {
        this.database = database;
        this.accounts = new AccountService(database, clock);
        this.credentials = new ClientCredentialService(database, clock);
        this.signingKeys = new SigningKeyRing(new SigningKeyStore(database), clock, keyRefreshInterval);
        var signer = new TokenSigner(signingKeys, clock, issuer);
        this.identityTokens = new IdentityTokens(signer);
        this.accessTokens = new AccessTokens(signer);
        this.tokenVerifier = new TokenVerifier(signingKeys, clock);
        this.identities = new IdentityDirectory(database, clock);
        this.trunks = new TrunkService(database, clock);
        this.numbers = new NumberService(database, clock);
        this.telephony = new TelephonyDirectory(database);
        this.dynamicDestinationConfigs = new DynamicDestinationConfigs(database, clock);
        this.dynamicDestinations = new DynamicDestinations(database, dynamicDestinationConfigs,
                dynamicDestinationSettings, clock);
        this.recordingSettings = new RecordingSettings(database, clock);
        this.recordings = new Recordings(database, clock, recordingSettings,
                new LocalRecordingStore(recordingOptions.directory()), recordingOptions);
    }

    public Database database() {
        return database;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ClientCredentialService credentials() {
        return credentials;
    }

    public SigningKeyRing signingKeys() {
        return signingKeys;
    }

    public IdentityTokens identityTokens() {
        return identityTokens;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public TokenVerifier tokenVerifier() {
        return tokenVerifier;
    }

    public IdentityDirectory identities() {
        return identities;
    }

    public TrunkService trunks() {
        return trunks;
    }

    public NumberService numbers() {
        return numbers;
    }

    /** Number routing, trunk selection and source checks for the phone gateway. */
    public TelephonyDirectory telephony() {
        return telephony;
    }

    public DynamicDestinationConfigs dynamicDestinationConfigs() {
        return dynamicDestinationConfigs;
    }

    /** Resolving call destinations through the account's callback, and status reports. */
    public DynamicDestinations dynamicDestinations() {
        return dynamicDestinations;
    }

    /** Each account's recording setting. */
    public RecordingSettings recordingSettings() {
        return recordingSettings;
    }

    /**
     * The recordings of calls and rooms: begun, fed and finished by the calls, read and deleted
     * through the API. Its compositions run in the background until {@code recordings().close()}.
     */
    public Recordings recordings() {
        return recordings;
    }
}
