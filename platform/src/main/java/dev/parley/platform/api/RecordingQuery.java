package dev.parley.platform.api;

import dev.parley.platform.common.Page;
import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.RecordingFilter;
import dev.parley.platform.recording.RecordingSort;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query of {@code GET /webrtc/1/recordings}, read strictly: every parameter is checked and
 * a wrong one is a 400 that names it. Unknown and repeated parameters are refused too, since a
 * misspelt filter would otherwise list every recording of the account.
 */
record RecordingQuery(RecordingFilter filter, RecordingSort sort, Page.Request page) {

    private static final Set<String> KNOWN = Set.of("callType", "identity", "phoneNumber", "room", "startFrom",
            "startTo", "sort", "page", "size");

    static RecordingQuery read(Context ctx, Requests requests) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        for (var entry : parameters.entrySet()) {
            if (!KNOWN.contains(entry.getKey())) {
                throw ApiProblem.invalid(shorten(entry.getKey()), "is not a known parameter; known are " + KNOWN);
            }
            if (entry.getValue().size() > 1) {
                throw ApiProblem.invalid(entry.getKey(), "must not be repeated");
            }
        }
        var filter = new RecordingFilter(
                value(ctx, "callType").map(RecordingQuery::callType),
                value(ctx, "identity"),
                value(ctx, "phoneNumber").map(RecordingQuery::phoneNumber),
                value(ctx, "room"),
                value(ctx, "startFrom").map(text -> time("startFrom", text)),
                value(ctx, "startTo").map(text -> time("startTo", text)));
        RecordingSort sort = value(ctx, "sort").map(RecordingSort::parse).orElse(RecordingSort.DEFAULT);
        return new RecordingQuery(filter, sort, requests.page(ctx));
    }

    private static Optional<String> value(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(text -> !text.isEmpty());
    }

    private static CallType callType(String text) {
        for (CallType type : CallType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        throw ApiProblem.invalid("callType", "must be one of WEBRTC_CALL, PHONE_CALL, ROOM_CALL");
    }

    /** A {@code +} sent as is in a query becomes a space; read it back, and accept the number without it. */
    private static String phoneNumber(String text) {
        if (text.startsWith(" ")) {
            return "+" + text.substring(1);
        }
        return text.chars().allMatch(Character::isDigit) ? "+" + text : text;
    }

    /** ISO-8601 with a zone: {@code 2026-01-31T09:30:00Z} or with an offset ({@code +} may arrive as a space). */
    private static Instant time(String name, String text) {
        String repaired = text.replace(' ', '+');
        try {
            return OffsetDateTime.parse(repaired).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "must be an ISO-8601 time with a zone, such as 2026-01-31T09:30:00Z");
        }
    }

    private static String shorten(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
