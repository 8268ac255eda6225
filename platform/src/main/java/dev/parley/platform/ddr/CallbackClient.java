package dev.parley.platform.ddr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs JSON to a customer's URL and reports what came back, never throwing: the answer
 * carries the status and body, or says the URL could not be reached in time. One deadline
 * covers connecting, sending and reading the whole answer. Redirects are not followed: a
 * 3xx is an answer like any other non-2xx.
 */
final class CallbackClient implements AutoCloseable {

    /** What the URL did. */
    sealed interface Answer {
        /** It answered; {@code body} is read for 2xx answers only (empty otherwise). */
        record Answered(int status, byte[] body) implements Answer {
            boolean is2xx() {
                return status >= 200 && status < 300;
            }
        }

        /** It answered 2xx with a body past the size limit. */
        record TooLarge(int limit) implements Answer {
        }

        /** No answer in time: refused, unreachable, reset, too slow, or not a URL we can send to. */
        record Unreachable(String why) implements Answer {
        }
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final int maxResponseBytes;

    CallbackClient(Duration connectTimeout, int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 only: some servers mishandle the h2c upgrade offer on plain http.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    CompletableFuture<Answer> post(URI url, Optional<String> authorization, byte[] json, Duration timeout) {
        HttpRequest request;
        try {
            var builder = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("User-Agent", "Parley")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json));
            authorization.ifPresent(value -> builder.header("Authorization", value));
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Answer.Unreachable("cannot send to " + url + ": " + e.getMessage()));
        }
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(request, info -> info.statusCode() >= 200 && info.statusCode() < 300
                    ? new LimitedBody(maxResponseBytes)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CompletableFuture.completedFuture(new Answer.Unreachable("cannot send to " + url + ": " + e.getMessage()));
        }
        return exchange
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error == null) {
                        return new Answer.Answered(response.statusCode(), response.body());
                    }
                    exchange.cancel(true); // after a timeout, stop the exchange itself too
                    return failure(url, timeout, maxResponseBytes, unwrap(error));
                });
    }

    private static Answer failure(URI url, Duration timeout, int limit, Throwable error) {
        if (error instanceof LimitedBody.TooLarge) {
            return new Answer.TooLarge(limit);
        }
        if (error instanceof TimeoutException || error instanceof HttpTimeoutException
                || error instanceof CancellationException) {
            return new Answer.Unreachable(url + " did not answer within " + timeout.toMillis() + " ms");
        }
        if (error instanceof IOException) {
            return new Answer.Unreachable(url + " cannot be reached: " + describe(error));
        }
        return new Answer.Unreachable(url + " failed: " + describe(error));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        // The body's TooLarge reaches us wrapped in the client's IOException.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedBody.TooLarge) {
                return cause;
            }
        }
        return e;
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
