package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;

import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingFile;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.recording.StoredFile;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /webrtc/1/recordings}: the caller's account's recordings, their files, and downloads. */
final class RecordingsApi {

    private static final String PATH = "/webrtc/1/recordings";
    private static final String FILE = PATH + "/{recordingId}/files/{fileId}";

    private RecordingsApi() {
    }

    static void register(RouteTable routes, Requests requests, Recordings recordings) {
        routes.withKey(GET, PATH, (ctx, caller) -> {
            var query = RecordingQuery.read(ctx, requests);
            var page = recordings.list(caller.accountId(), query.filter(), query.sort(), query.page());
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(RecordingsApi::view).toList()));
        });
        routes.withKey(GET, PATH + "/{recordingId}", (ctx, caller) ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                        view(recordings.get(caller.accountId(), ctx.pathParam("recordingId")))));
        routes.withKey(DELETE, PATH + "/{recordingId}", (ctx, caller) -> {
            recordings.delete(caller.accountId(), ctx.pathParam("recordingId"));
            ctx.status(204);
        });
        routes.withKey(GET, FILE, (ctx, caller) -> download(ctx, open(ctx, recordings, caller.accountId()), true));
        routes.withKey(HEAD, FILE, (ctx, caller) -> download(ctx, open(ctx, recordings, caller.accountId()), false));
    }

    private static StoredFile open(Context ctx, Recordings recordings, String accountId) {
        return recordings.openFile(accountId, ctx.pathParam("recordingId"), ctx.pathParam("fileId"));
    }

    /**
     * The file, or the one range asked for (see {@link ByteRange}). {@code If-Range} is honoured
     * with the file's ETag, which never changes: a finished file is never written again.
     */
    private static void download(Context ctx, StoredFile stored, boolean withBody) throws IOException {
        RecordingFile file = stored.file();
        long size = stored.size();
        String etag = "\"" + file.id() + "-" + size + "\"";
        Optional<String> ifRange = Optional.ofNullable(ctx.header("If-Range"));
        var request = ifRange.isPresent() && !ifRange.get().strip().equals(etag)
                ? new ByteRange.Request.Whole()
                : ByteRange.parse(Optional.ofNullable(ctx.header("Range")), size);
        switch (request) {
            case ByteRange.Request.Unsatisfiable u -> throw new ApiProblem(416, "Range not satisfiable",
                    "the file has " + size + " bytes; the range asked for lies outside them", List.of(),
                    Map.of("Content-Range", "bytes */" + size, "Accept-Ranges", "bytes"));
            case ByteRange.Request.Partial partial -> {
                headers(ctx, file, etag);
                ctx.status(206).header("Content-Range", partial.range().contentRange(size));
                send(ctx, stored, file.contentType(), partial.range().first(), partial.range().length(), withBody);
            }
            case ByteRange.Request.Whole whole -> {
                headers(ctx, file, etag);
                ctx.status(200);
                send(ctx, stored, file.contentType(), 0, size, withBody);
            }
        }
    }

    /** Set only on a file answer: a problem answer must not carry Content-Disposition. */
    private static void headers(Context ctx, RecordingFile file, String etag) {
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=0");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.recordingId() + "-" + file.name() + "\"");
    }

    /**
     * Streams straight to the response, bypassing Javalin's result (and its compression, which
     * would break Content-Length and ranges). A client that goes away mid-file is not an error.
     */
    private static void send(Context ctx, StoredFile stored, String contentType, long offset, long length,
                             boolean withBody) throws IOException {
        ctx.res().setContentType(contentType);
        ctx.res().setContentLengthLong(length);
        if (!withBody || length == 0) {
            return;
        }
        try (InputStream in = stored.open(offset, length)) {
            OutputStream out = ctx.res().getOutputStream();
            try {
                in.transferTo(out);
                out.flush();
            } catch (IOException e) {
                // The client closed the connection; nothing more to send.
            }
        }
    }

    static Map<String, Object> view(Recording recording) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", recording.id());
        view.put("callId", recording.callId());
        view.put("callType", recording.callType().name());
        view.put("recordingType", recording.recordingType().name());
        recording.room().ifPresent(room -> view.put("room", room));
        view.put("participants", recording.participants().stream().map(RecordingsApi::participant).toList());
        view.put("status", recording.status().name());
        recording.failureReason().ifPresent(reason -> view.put("failureReason", reason));
        view.put("interrupted", recording.interrupted());
        view.put("compose", recording.compose());
        view.put("startTime", recording.start().toString());
        recording.end().ifPresent(end -> {
            view.put("endTime", end.toString());
            view.put("duration", Duration.between(recording.start(), end).toMillis());
        });
        view.put("files", recording.files().stream().map(RecordingsApi::file).toList());
        return view;
    }

    private static Map<String, Object> participant(Participant participant) {
        return Map.of("type", participant.kind().name(), "address", participant.address());
    }

    private static Map<String, Object> file(RecordingFile file) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", file.id());
        view.put("name", file.name());
        view.put("kind", file.kind().name());
        file.participant().ifPresent(participant -> view.put("participant", participant));
        view.put("format", file.format().name());
        view.put("contentType", file.contentType());
        view.put("codecs", file.codecs());
        view.put("size", file.size());
        view.put("startTime", file.start().toString());
        file.end().map(Instant::toString).ifPresent(end -> view.put("endTime", end));
        file.duration().ifPresent(duration -> view.put("duration", duration.toMillis()));
        return view;
    }
}
