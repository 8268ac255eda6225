package dev.parley.platform.ddr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.platform.store.Database;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Dynamic destination resolving: asks an account's backend where a call goes, and reports
 * to it how the call ended. No HTTP server knowledge here; the calls and phone gateway code
 * uses this, the REST API manages {@link DynamicDestinationConfigs}.
 *
 * <p>Status reports go through a table, so they survive a restart: {@link #start()} begins
 * delivering them (those left by an earlier run included), and {@link #close()} stops. A
 * service that is never started (the admin command line) still queues reports for the server
 * to deliver.
 */
public final class DynamicDestinations implements AutoCloseable {

    private final DynamicDestinationConfigs configs;
    private final DynamicDestinationSettings settings;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CallbackClient client;
    private final StatusOutbox outbox;
    private final StatusDelivery delivery;
    private final ObjectMapper mapper = new ObjectMapper();

    public DynamicDestinations(Database database, DynamicDestinationConfigs configs,
                               DynamicDestinationSettings settings, Clock clock) {
        this.configs = configs;
        this.settings = settings;
        this.clock = clock;
        this.client = new CallbackClient(settings.resolveTimeout(), settings.maxResponseBytes());
        this.outbox = new StatusOutbox(database);
        this.delivery = new StatusDelivery(outbox, configs, client, settings, clock, executor);
        // A hostile answer must not cost more than its size: no deep nesting, no huge numbers.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(64).build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Asks the account's callback URL where a call goes. The future always completes with a
     * {@link Resolution}: {@link Resolution.Route}, {@link Resolution.Failed} (URL_UNREACHABLE
     * after {@link DynamicDestinationSettings#resolveTimeout()} or when the connection fails;
     * URL_NOT_FOUND for a non-2xx status; INVALID_RESPONSE for a 2xx whose body is not a valid
     * route) or {@link Resolution.NotConfigured}. It completes exceptionally only when the
     * database fails. Nothing blocks the caller's thread.
     */
    public CompletableFuture<Resolution> resolve(String accountId, ResolveRequest request) {
        byte[] body = requestBody(request);
        return CompletableFuture.supplyAsync(() -> configs.find(accountId), executor)
                .thenCompose(config -> config.isEmpty()
                        ? CompletableFuture.completedFuture((Resolution) new Resolution.NotConfigured())
                        : ask(config.get().callbackUrl(), config.get().authorization(), body));
    }

    /**
     * Queues a status report for the account's status URL and returns at once; delivery
     * happens on the delivery loop, retried with back-off until a 2xx. False (and nothing
     * queued) when the account has no status URL.
     */
    public boolean reportStatus(String accountId, StatusReport report) {
        Optional<DynamicDestinationConfig> config = configs.find(accountId);
        if (config.isEmpty() || config.get().statusUrl().isEmpty()) {
            return false;
        }
        outbox.add(accountId, report, clock.instant());
        delivery.wake();
        return true;
    }

    /** Starts delivering status reports, beginning with any an earlier run left undelivered. */
    public void start() {
        delivery.start();
    }

    /**
     * Delivers the reports due now and waits for the answers; returns how many deliveries were
     * attempted. For tests driving time with their own clock, and for operators' tools.
     */
    public int deliverDueReports() {
        return delivery.deliverDue();
    }

    /** Reports of the account still waiting for a 2xx. */
    public long pendingReports(String accountId) {
        return outbox.pending(accountId);
    }

    public DynamicDestinationSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        delivery.close();
        client.close();
        executor.shutdownNow();
    }

    private CompletableFuture<Resolution> ask(URI url, Optional<String> authorization, byte[] body) {
        return client.post(url, authorization, body, settings.resolveTimeout()).thenApply(answer -> switch (answer) {
            case CallbackClient.Answer.Answered a when a.is2xx() -> ResolutionParser.parse(mapper, a.body());
            case CallbackClient.Answer.Answered a -> new Resolution.Failed(ResolveFailure.URL_NOT_FOUND,
                    url + " answered " + a.status());
            case CallbackClient.Answer.TooLarge t -> new Resolution.Failed(ResolveFailure.INVALID_RESPONSE,
                    "the answer is larger than " + t.limit() + " bytes");
            case CallbackClient.Answer.Unreachable u -> new Resolution.Failed(ResolveFailure.URL_UNREACHABLE, u.why());
        });
    }

    private byte[] requestBody(ResolveRequest request) {
        var json = new LinkedHashMap<String, Object>();
        json.put("source", request.source());
        switch (request) {
            case ResolveRequest.FromApp app -> json.put("customData", app.customData());
            case ResolveRequest.FromPhone phone -> json.put("destination", phone.destination());
        }
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and a map of strings are always JSON", e);
        }
    }
}
