package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.account.AccountService;
import dev.parley.platform.ddr.CallStatus;
import dev.parley.platform.ddr.DynamicDestinationConfigs;
import dev.parley.platform.ddr.DynamicDestinationSettings;
import dev.parley.platform.ddr.DynamicDestinationSpec;
import dev.parley.platform.ddr.DynamicDestinations;
import dev.parley.platform.ddr.ResolveFailure;
import dev.parley.platform.ddr.ResolveRequest;
import dev.parley.platform.ddr.Resolution;
import dev.parley.platform.ddr.RouteAction;
import dev.parley.platform.ddr.StatusReport;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.support.FakeBackend;
import dev.parley.server.support.FakeBackend.Reply;
import dev.parley.server.support.Http;
import dev.parley.server.support.ManualClock;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic destination resolving against a real HTTP backend the test runs and a real
 * database: every outcome of a routing question, and status reports delivered, retried with
 * back-off on a hand-moved clock, given up on, and picked up again by a new service (a
 * restart). Subclasses run it on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DynamicDestinationsContract {

    static final StatusReport REPORT = new StatusReport("000a15f9-187b-425e-8f16-63acb54eeb4c", "Alice", "Bob",
            CallStatus.FINISHED, Duration.ofSeconds(15));

    TestDatabase testDatabase;
    Database database;
    FakeBackend backend;
    ManualClock clock;
    DynamicDestinationConfigs configs;
    DynamicDestinationSettings settings;
    final List<DynamicDestinations> services = new ArrayList<>();
    String account;

    abstract TestDatabase openDatabase(Path workDir);

    @BeforeAll
    void open(@TempDir Path workDir) {
        testDatabase = openDatabase(workDir);
        database = Database.open(ConfigLoader.load(testDatabase.environment(), workDir).database());
        backend = FakeBackend.start();
    }

    @AfterAll
    void close() {
        if (backend != null) {
            backend.close();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @BeforeEach
    void newAccount() {
        clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        configs = new DynamicDestinationConfigs(database, clock);
        settings = DynamicDestinationSettings.defaults().withResolveTimeout(Duration.ofMillis(500))
                .withStatusTimeout(Duration.ofMillis(500)).withPollInterval(Duration.ofMillis(50));
        account = new AccountService(database, clock).createAccount("DDR Co").key().accountId();
        // Each test counts the deliveries it causes: reports an earlier test left queued (its
        // clock started at the same instant) would be due now and counted too.
        database.transaction(c -> Sql.update(c, "DELETE FROM ddr_status_reports"));
    }

    @AfterEach
    void closeServices() {
        services.forEach(DynamicDestinations::close);
        services.clear();
    }

    // --- resolving ----------------------------------------------------------------------

    @Test
    void aCallFromAnAppIsRoutedToAnIdentityWithTheAuthorizationHeader() throws Exception {
        String path = "/route/app/" + account;
        configure(path, Optional.of("Bearer s3cret"), Optional.empty());
        backend.on(path, request -> Reply.json("{\"action\": \"call\", \"destination\": \"bob\"}"));

        Resolution resolution = resolve(new ResolveRequest.FromApp("alice", Map.of("myUserId", "myBob")));

        assertEquals(new Resolution.Route(RouteAction.CALL, "bob", Optional.empty()), resolution);
        var request = backend.received(path).getFirst();
        assertEquals("POST", request.method());
        assertEquals("Bearer s3cret", request.header("Authorization").orElseThrow());
        assertTrue(request.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(Http.JSON.readTree("{\"source\": \"alice\", \"customData\": {\"myUserId\": \"myBob\"}}"),
                Http.JSON.readTree(request.body()));
    }

    @Test
    void aPhoneCallIsSentToAnotherNumberUnderAMaskingSource() throws Exception {
        String path = "/route/phone/" + account;
        configure(path, Optional.empty(), Optional.empty());
        backend.on(path, request -> Reply.json("""
                {"action": "call_phone_number", "source": "+41793026728", "destination": "+41793026732",
                 "note": "fields Parley does not read are ignored"}"""));

        Resolution resolution = resolve(new ResolveRequest.FromPhone("+41793026727", "+41793026731"));

        assertEquals(new Resolution.Route(RouteAction.CALL_PHONE_NUMBER, "+41793026732", Optional.of("+41793026728")),
                resolution);
        var request = backend.received(path).getFirst();
        assertTrue(request.header("Authorization").isEmpty(), "none configured, none sent");
        assertEquals(Http.JSON.readTree("{\"source\": \"+41793026727\", \"destination\": \"+41793026731\"}"),
                Http.JSON.readTree(request.body()));
    }

    @Test
    void aSlowOrClosedCallbackIsUnreachable() {
        String path = "/route/slow/" + account;
        configure(path, Optional.empty(), Optional.empty());
        backend.on(path, request -> {
            Thread.sleep(3_000);
            return Reply.json("{\"action\": \"call\", \"destination\": \"bob\"}");
        });
        long start = System.nanoTime();
        assertFailed(ResolveFailure.URL_UNREACHABLE, resolve(new ResolveRequest.FromApp("alice", Map.of())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 400 && millis < 2_500, "gave up after the 500 ms timeout, not the 3 s answer: " + millis);

        configs.put(account, new DynamicDestinationSpec(URI.create("http://127.0.0.1:" + TestServer.freePort() + "/x"),
                Optional.empty(), Optional.empty()));
        assertFailed(ResolveFailure.URL_UNREACHABLE, resolve(new ResolveRequest.FromApp("alice", Map.of())));
    }

    @Test
    void aStatusOtherThan2xxIsUrlNotFound() {
        String path = "/route/status/" + account;
        configure(path, Optional.empty(), Optional.empty());
        for (var reply : List.of(new Reply(404, "no"), new Reply(500, "{\"action\": \"call\", \"destination\": \"bob\"}"),
                new Reply(302, "", "Location", backend.url("/elsewhere").toString()), new Reply(401, ""))) {
            backend.on(path, request -> reply);
            assertFailed(ResolveFailure.URL_NOT_FOUND, resolve(new ResolveRequest.FromApp("alice", Map.of())));
        }
        assertTrue(backend.received("/elsewhere").isEmpty(), "redirects are not followed");
    }

    @Test
    void a2xxThatIsNotARouteIsAnInvalidResponse() {
        String path = "/route/invalid/" + account;
        configure(path, Optional.empty(), Optional.empty());
        for (String body : List.of("not json", "", "[1, 2]", "\"call\"", "{}", "{\"destination\": \"bob\"}",
                "{\"action\": \"transfer\", \"destination\": \"bob\"}", "{\"action\": \"CALL\", \"destination\": \"bob\"}",
                "{\"action\": \"call\"}", "{\"action\": \"call\", \"destination\": 42}",
                "{\"action\": \"call\", \"destination\": \"a b\"}", "{\"action\": \"call\", \"destination\": \"bo\"}",
                "{\"action\": \"call\", \"destination\": \"bob\", \"source\": \"x\"}",
                "{\"action\": \"call\", \"destination\": \"bob\", \"source\": 7}",
                "{\"action\": \"call_phone_number\", \"destination\": \"bob\"}",
                "{\"action\": \"call_phone_number\", \"destination\": \"41793026732\"}",
                "{\"action\": \"call_phone_number\", \"destination\": \"+41793026732\", \"source\": \"alice\"}",
                "{\"action\": \"call\", \"destination\": \"bob\"} trailing",
                "{\"action\": \"call\", \"destination\": \"bob\", \"pad\": \"" + "x".repeat(70_000) + "\"}",
                "[".repeat(5_000) + "]".repeat(5_000))) {
            backend.on(path, request -> new Reply(200, body));
            var resolution = resolve(new ResolveRequest.FromApp("alice", Map.of()));
            assertInstanceOf(Resolution.Failed.class, resolution, body.length() > 80 ? body.substring(0, 80) : body);
            assertEquals(ResolveFailure.INVALID_RESPONSE, ((Resolution.Failed) resolution).failure(), resolution.toString());
            assertEquals(10402, ((Resolution.Failed) resolution).code());
        }
    }

    @Test
    void anAccountWithoutSettingsIsNotConfigured() {
        assertEquals(new Resolution.NotConfigured(), resolve(new ResolveRequest.FromApp("alice", Map.of())));
        assertFalse(service().reportStatus(account, REPORT), "nothing to deliver to");
        configure("/route/nostatus", Optional.empty(), Optional.empty());
        assertFalse(service().reportStatus(account, REPORT), "no status URL, nothing queued");
        assertEquals(0, service().pendingReports(account));
    }

    // --- status reports -----------------------------------------------------------------

    @Test
    void aStatusReportIsDeliveredAsJsonWithTheAuthorizationHeader() throws Exception {
        String status = "/status/ok/" + account;
        configure("/route", Optional.of("Basic dXNlcjpwdw=="), Optional.of(status));
        backend.on(status, request -> new Reply(204, ""));
        var service = service();

        assertTrue(service.reportStatus(account, REPORT));
        assertEquals(1, service.pendingReports(account));
        assertEquals(1, service.deliverDueReports());

        var request = backend.received(status).getFirst();
        assertEquals("Basic dXNlcjpwdw==", request.header("Authorization").orElseThrow());
        JsonNode body = Http.JSON.readTree(request.body());
        assertEquals(Http.JSON.readTree("""
                {"callId": "000a15f9-187b-425e-8f16-63acb54eeb4c", "source": "Alice", "destination": "Bob",
                 "status": "finished", "duration": 15}"""), body);
        assertEquals(0, service.pendingReports(account));
        assertEquals(0, service.deliverDueReports(), "delivered once");
    }

    @Test
    void aFailedDeliveryIsRetriedWithDoublingBackOff() throws Exception {
        String status = "/status/flaky/" + account;
        configure("/route", Optional.empty(), Optional.of(status));
        var calls = new AtomicInteger();
        backend.on(status, request -> calls.incrementAndGet() <= 3 ? new Reply(503, "busy") : new Reply(200, "ok"));
        var service = service();
        service.reportStatus(account, new StatusReport("c1", "alice", "+41793026731", CallStatus.FAILED, Duration.ZERO));

        assertEquals(1, service.deliverDueReports(), "first attempt at once");
        assertEquals(0, service.deliverDueReports(), "not due again yet");
        clock.advance(Duration.ofMillis(999));
        assertEquals(0, service.deliverDueReports());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, service.deliverDueReports(), "second attempt after 1 s");
        clock.advance(Duration.ofMillis(1_999));
        assertEquals(0, service.deliverDueReports());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, service.deliverDueReports(), "third after 2 s more");
        clock.advance(Duration.ofMillis(3_999));
        assertEquals(0, service.deliverDueReports());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, service.deliverDueReports(), "fourth after 4 s more, and it is answered 200");
        assertEquals(4, backend.received(status).size());
        assertEquals(0, service.pendingReports(account));
        JsonNode last = Http.JSON.readTree(backend.received(status).getLast().body());
        assertEquals("failed", last.get("status").asText());
        assertEquals(0, last.get("duration").asInt());
    }

    @Test
    void deliveryGivesUpAfterItsAttemptsOrAge() {
        String status = "/status/dead/" + account;
        configure("/route", Optional.empty(), Optional.of(status));
        backend.on(status, request -> new Reply(500, "down"));
        settings = settings.withRetries(Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofHours(1));
        var service = service();
        service.reportStatus(account, REPORT);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, service.deliverDueReports(), "attempt " + (i + 1));
            clock.advance(Duration.ofSeconds(2));
        }
        assertEquals(0, service.pendingReports(account), "dropped after 3 attempts");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, service.deliverDueReports());
        assertEquals(3, backend.received(status).size());

        settings = settings.withRetries(Duration.ofSeconds(1), Duration.ofSeconds(2), 100, Duration.ofSeconds(5));
        var aging = service();
        aging.reportStatus(account, REPORT);
        assertEquals(1, aging.deliverDueReports());
        clock.advance(Duration.ofSeconds(6));
        assertEquals(1, aging.deliverDueReports());
        assertEquals(0, aging.pendingReports(account), "dropped once older than the maximum age");
    }

    @Test
    void undeliveredReportsArePickedUpByTheNextServiceThatStarts() throws Exception {
        String status = "/status/restart/" + account;
        configure("/route", Optional.empty(), Optional.of(status));
        backend.on(status, request -> new Reply(500, "down"));
        var before = new DynamicDestinations(database, configs, settings, clock);
        before.reportStatus(account, REPORT);
        assertEquals(1, before.deliverDueReports());
        before.close();
        assertEquals(1, new DynamicDestinations(database, configs, settings, clock).pendingReports(account),
                "still queued after the service stopped");

        backend.on(status, request -> new Reply(200, "ok"));
        clock.advance(Duration.ofSeconds(1));
        var after = service();
        after.start();
        backend.await(status, 2, Duration.ofSeconds(10));
        awaitPending(after, 0);
    }

    @Test
    void twoServicesNeverDeliverTheSameAttemptTwice() throws Exception {
        String status = "/status/race/" + account;
        configure("/route", Optional.empty(), Optional.of(status));
        backend.on(status, request -> {
            Thread.sleep(100);
            return new Reply(200, "ok");
        });
        var first = service();
        var second = service();
        for (int i = 0; i < 5; i++) {
            first.reportStatus(account, new StatusReport("race-" + i, "a", "b", CallStatus.FINISHED, Duration.ZERO));
        }
        var a = CompletableFuture.supplyAsync(first::deliverDueReports);
        var b = CompletableFuture.supplyAsync(second::deliverDueReports);
        assertEquals(5, a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS));
        assertEquals(5, backend.received(status).size());
        assertEquals(0, first.pendingReports(account));
    }

    @Test
    void aDeadStatusUrlHoldsUpNeitherReportsNorRouting() throws Exception {
        String status = "/status/hang/" + account;
        String route = "/route/fast/" + account;
        configure(route, Optional.empty(), Optional.of(status));
        backend.on(status, request -> {
            Thread.sleep(3_000);
            return new Reply(200, "late");
        });
        backend.on(route, request -> Reply.json("{\"action\": \"call\", \"destination\": \"bob\"}"));
        var service = service();
        service.start();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertTrue(service.reportStatus(account, new StatusReport("hang-" + i, "a", "b", CallStatus.FINISHED,
                    Duration.ofSeconds(i))));
        }
        backend.await(status, 1, Duration.ofSeconds(5));
        var resolution = service.resolve(account, new ResolveRequest.FromApp("alice", Map.of())).get(2, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(new Resolution.Route(RouteAction.CALL, "bob", Optional.empty()), resolution);
        assertTrue(millis < 2_000, "reports queued and a call routed while deliveries hang: " + millis + " ms");
    }

    @Test
    void reportsForAnAccountThatRemovedItsStatusUrlAreDropped() {
        String status = "/status/removed/" + account;
        configure("/route", Optional.empty(), Optional.of(status));
        var service = service();
        service.reportStatus(account, REPORT);
        configure("/route", Optional.empty(), Optional.empty());
        assertEquals(1, service.deliverDueReports());
        assertEquals(0, service.pendingReports(account));
        assertTrue(backend.received(status).isEmpty());
    }

    // --- helpers ------------------------------------------------------------------------

    void configure(String callbackPath, Optional<String> authorization, Optional<String> statusPath) {
        configs.put(account, new DynamicDestinationSpec(backend.url(callbackPath), authorization.or(() -> Optional.of("")),
                statusPath.map(backend::url)));
    }

    DynamicDestinations service() {
        var service = new DynamicDestinations(database, configs, settings, clock);
        services.add(service);
        return service;
    }

    Resolution resolve(ResolveRequest request) {
        try {
            return service().resolve(account, request).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("resolve must always complete with a resolution", e);
        }
    }

    static void assertFailed(ResolveFailure failure, Resolution resolution) {
        assertInstanceOf(Resolution.Failed.class, resolution, resolution.toString());
        assertEquals(failure, ((Resolution.Failed) resolution).failure(), resolution.toString());
    }

    void awaitPending(DynamicDestinations service, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (service.pendingReports(account) != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, service.pendingReports(account));
    }
}
