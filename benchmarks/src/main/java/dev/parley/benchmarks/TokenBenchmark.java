package dev.parley.benchmarks;

import dev.parley.platform.Platform;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.DatabaseSettings;
import dev.parley.platform.token.IdentityTokenRequest;
import dev.parley.platform.token.IssuedToken;
import dev.parley.platform.token.RecordingCapability;
import dev.parley.platform.token.TokenLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one core spends on the token endpoint's work: signing an ES256 identity token, and
 * checking the API key that asks for it (a primary-key lookup in embedded H2 plus SHA-256).
 * Run and recorded as described in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenBenchmark {

    private Database database;
    private Platform platform;
    private IssuedApiKey apiKey;
    private IdentityTokenRequest request;

    @Setup
    public void setUp() {
        database = Database.open(new DatabaseSettings("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "", 4));
        // A long refresh interval keeps the key table out of the measured path, as in the server
        // between refreshes.
        platform = new Platform(database, Clock.systemUTC(), "http://localhost:8080", Duration.ofHours(1));
        apiKey = platform.accounts().createAccount("benchmark");
        platform.signingKeys().activeKey();
        request = new IdentityTokenRequest("alice.smith", Optional.of("Alice Smith"),
                TokenLimits.DEFAULT_IDENTITY_TTL, Optional.of(RecordingCapability.ON_DEMAND));
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public IssuedToken issueIdentityToken() {
        return platform.identityTokens().issue(apiKey.key().accountId(), request);
    }

    @Benchmark
    public Object authenticateApiKey() {
        return platform.accounts().authenticate(apiKey.text()).orElseThrow();
    }
}
