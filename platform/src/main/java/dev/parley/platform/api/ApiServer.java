package dev.parley.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.media.MediaServer;
import dev.parley.platform.Platform;
import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.signaling.Signaling;
import dev.parley.platform.telephony.Conflict;
import dev.parley.platform.signaling.SignalingSettings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: REST API, discovery documents and health. Every error leaves as
 * {@code application/problem+json} (RFC 9457) with the field at fault named; a client can
 * never cause a 500 or see a stack trace.
 */
public final class ApiServer implements AutoCloseable {

    /** A route as registered, for documentation checks. */
    public record RouteInfo(String method, String path, boolean needsApiKey) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String PROBLEM = "application/problem+json";

    private final ApiSettings settings;
    private final ObjectMapper mapper = Json.mapper();
    private final Requests requests;
    private final Javalin app;
    private List<RouteTable.Route> routes = List.of();
    private final Signaling signaling;

    public ApiServer(ApiSettings settings, Platform platform, MediaServer media, Clock clock, Signaling signaling) {
        this.settings = settings;
        this.signaling = signaling;
        this.requests = new Requests(mapper, settings.maxBodyBytes());
        var limits = new RateLimits(new RateLimiter(settings.tokenRatePerSecond(), settings.tokenRateBurst(), clock));
        this.app = Javalin.create(config -> {
            configure(config);
            var table = new RouteTable(config.routes, new Authenticator(platform.accounts()));
            config.routes.before(ctx -> refuseOversizedBody(ctx, requests));
            HealthApi.register(table, requests, platform.database());
            DiscoveryApi.register(table, requests, platform.signingKeys());
            ApiKeysApi.register(table, requests, platform.accounts());
            TokenApi.register(table, requests, platform.identityTokens(), platform.identities(), limits);
            DemoApi.register(table, requests, settings.demoTokenEndpoint(), platform.accounts(),
                    platform.identityTokens(), platform.identities(), limits);
            CredentialsApi.register(table, requests, platform.credentials());
            OAuthApi.register(table, requests, platform.credentials(), platform.accessTokens(), limits);
            MediaApi.register(table, requests, media, platform.tokenVerifier());
            TrunksApi.register(table, requests, platform.trunks());
            NumbersApi.register(table, requests, platform.numbers());
            DynamicDestinationApi.register(table, requests, platform.dynamicDestinationConfigs());
            RecordingSettingsApi.register(table, requests, platform.recordingSettings());
            RecordingsApi.register(table, requests, platform.recordings());
            config.routes.ws("/ws", signaling::configure);
            // The demo pages and the browser SDK bundle: static files, not part of the API.
            config.staticFiles.add(files -> {
                files.hostedPath = "/demo";
                files.directory = "/public/demo";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/sdk";
                files.directory = "/public/sdk";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public/app";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            registerErrorHandlers(config);
            this.routes = table.registered();
        });
    }

    /** The HTTP port cannot be bound (in use, or not allowed). */
    public static final class BindFailed extends RuntimeException {
        BindFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Starts listening; returns the bound port (useful when the configured port is 0). */
    public int start() {
        try {
            app.start(settings.host(), settings.port());
        } catch (io.javalin.util.JavalinBindException e) {
            throw new BindFailed("cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
        }
        return app.port();
    }

    public List<RouteInfo> routes() {
        return routes.stream()
                .map(r -> new RouteInfo(r.method(), r.path(), r.access() == RouteTable.Access.APP_KEY))
                .toList();
    }

    @Override
    public void close() {
        // Sockets first, with 1001, so clients hear the server is going away.
        signaling.close();
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.router.ignoreTrailingSlashes = true;
        config.jsonMapper(new JavalinJackson(mapper, true));
        // Errors Jetty answers before Javalin sees the request are problems too.
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        config.jetty.modifyWebSocketServletFactory(factory -> {
            // Larger than the protocol's 64 KiB so SignalingCodec can refuse with 4400 and a reason;
            // only frames beyond this get Jetty's 1009.
            factory.setMaxTextMessageSize(4L * SignalingSettings.MAX_MESSAGE_BYTES);
            // The heartbeat decides when a client is gone; Jetty's idle timeout is only a backstop.
            factory.setIdleTimeout(signaling.settings().heartbeatTimeout().multipliedBy(4));
        });
    }

    private void refuseOversizedBody(Context ctx, Requests requests) {
        long length = ctx.req().getContentLengthLong();
        if (length > settings.maxBodyBytes()) {
            drain(ctx, length);
            throw requests.tooLarge();
        }
    }

    /** Bodies up to this size are read and thrown away before a 413; larger ones are cut off. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    /**
     * Reads what the client is still sending: answered and closed while it writes, a client
     * can see a reset connection instead of the 413 (a race the tests hit now and then).
     */
    private static void drain(Context ctx, long length) {
        if (length > DRAIN_LIMIT) {
            return;
        }
        try {
            ctx.req().getInputStream().skipNBytes(length);
        } catch (java.io.IOException | RuntimeException e) {
            // The client went away or sent less than it said: the 413 goes out all the same.
        }
    }

    private void registerErrorHandlers(JavalinConfig config) {
        config.routes.exception(ApiProblem.class, (e, ctx) -> writeProblem(ctx, e));
        config.routes.exception(InvalidInput.class, (e, ctx) -> writeProblem(ctx, ApiProblem.invalid(e)));
        config.routes.exception(NotFound.class, (e, ctx) ->
                writeProblem(ctx, ApiProblem.notFound(e.getMessage() + " does not exist")));
        config.routes.exception(Conflict.class, (e, ctx) ->
                writeProblem(ctx, new ApiProblem(409, "Conflict", e.getMessage())));
        config.routes.exception(OAuthError.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            requests.discardUnreadBody(ctx);
            ctx.header("Cache-Control", "no-store");
            Json.write(ctx, mapper, e.status(), Requests.JSON, e.body(ctx.path()));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx, fromJavalin(ctx, e)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            writeProblem(ctx, new ApiProblem(500, "Internal server error",
                    "the server failed to handle this request; it has been logged"));
        });
        // Javalin answers unmatched paths with a bare status; give those a problem body too.
        for (int status : new int[] {404, 405}) {
            config.routes.error(status, ctx -> {
                if (!PROBLEM.equals(ctx.res().getContentType())) {
                    writeProblem(ctx, status == 404
                            ? ApiProblem.notFound("no resource at " + ctx.method() + " " + ctx.path())
                            : new ApiProblem(405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path()));
                }
            });
        }
    }

    private static ApiProblem fromJavalin(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiProblem.notFound("no resource at " + ctx.method() + " " + ctx.path());
            case 405 -> new ApiProblem(405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> new ApiProblem(413, "Content too large", "the request body is too large");
            default -> new ApiProblem(e.getStatus(), "Error " + e.getStatus(),
                    e.getMessage() == null ? "request failed" : e.getMessage());
        };
    }

    private void writeProblem(Context ctx, ApiProblem problem) {
        problem.headers().forEach(ctx::header);
        requests.discardUnreadBody(ctx);
        Json.write(ctx, mapper, problem.status(), PROBLEM, problem.body(ctx.path()));
    }

}
