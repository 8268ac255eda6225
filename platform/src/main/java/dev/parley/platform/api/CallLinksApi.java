package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.calllink.CallLink;
import dev.parley.platform.calllink.CallLinks;
import dev.parley.platform.calllink.Destination;
import dev.parley.platform.calllink.LinkSpec;
import dev.parley.platform.calllink.WindowSpec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /call-link/1/links}: the caller's call links; each answer carries the link's URL and its state now. */
final class CallLinksApi {

    private static final String PATH = "/call-link/1/links";

    private CallLinksApi() {
    }

    static void register(RouteTable routes, Requests requests, CallLinks links, String baseUrl, Clock clock) {
        routes.withKey(POST, PATH, (ctx, caller) -> Json.write(ctx, requests.mapper(), 201, Requests.JSON,
                view(links.create(caller.accountId(), spec(requests.json(ctx))), baseUrl, clock)));
        routes.withKey(GET, PATH, (ctx, caller) -> {
            var page = links.list(caller.accountId(), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, Requests.pageBody(page,
                    page.results().stream().map(link -> view(link, baseUrl, clock)).toList()));
        });
        routes.withKey(GET, PATH + "/{linkId}", (ctx, caller) -> Json.write(ctx, requests.mapper(), 200,
                Requests.JSON, view(links.get(caller.accountId(), ctx.pathParam("linkId")), baseUrl, clock)));
        routes.withKey(DELETE, PATH + "/{linkId}", (ctx, caller) -> {
            links.delete(caller.accountId(), ctx.pathParam("linkId"));
            ctx.status(204);
        });
    }

    private static LinkSpec spec(JsonBody body) {
        Optional<String> identity = body.string("identity");
        Optional<String> displayName = body.string("displayName");
        boolean showIdentity = body.bool("showIdentity").orElse(false);
        Map<String, String> customData = body.stringMap("customData").orElse(Map.of());
        Optional<String> configId = body.string("callLinkConfigId");
        Destination destination = destination(body.object("destination")
                .orElseThrow(() -> ApiProblem.invalid("destination", "is required")));
        WindowSpec window = body.object("validityWindow").map(CallLinksApi::window).orElse(WindowSpec.defaults());
        body.rejectUnknownFields();
        return new LinkSpec(identity, displayName, showIdentity, customData, configId, destination, window);
    }

    /** The fields of each type; a field of another type is refused so a wrong type is noticed. */
    private static Destination destination(JsonBody d) {
        Destination.Type type = d.enumValue("type", Destination.Type.class)
                .orElseThrow(() -> ApiProblem.invalid("destination.type", "is required"));
        Map<String, Optional<String>> fields = new LinkedHashMap<>();
        for (String field : List.of("identity", "phoneNumber", "from", "roomName")) {
            fields.put(field, d.string(field));
        }
        d.rejectUnknownFields();
        List<String> own = switch (type) {
            case WEBRTC -> List.of("identity");
            case PHONE -> List.of("phoneNumber", "from");
            case ROOM -> List.of("roomName");
        };
        fields.forEach((field, value) -> {
            if (value.isPresent() && !own.contains(field)) {
                throw ApiProblem.invalid("destination." + field, "is not a field of a " + type + " destination");
            }
            if (value.isEmpty() && own.contains(field)) {
                throw ApiProblem.invalid("destination." + field, "is required for a " + type + " destination");
            }
        });
        return switch (type) {
            case WEBRTC -> new Destination.Webrtc(fields.get("identity").orElseThrow());
            case PHONE -> new Destination.Phone(fields.get("phoneNumber").orElseThrow(), fields.get("from").orElseThrow());
            case ROOM -> new Destination.Room(fields.get("roomName").orElseThrow());
        };
    }

    private static WindowSpec window(JsonBody w) {
        boolean oneTime = w.bool("oneTime").orElse(false);
        Optional<String> start = w.string("startTime");
        Optional<String> end = w.string("endTime");
        Optional<WindowSpec.HoursSpec> hours = w.object("acceptableHours").map(h -> {
            var s = h.object("start").orElseThrow(() -> ApiProblem.invalid("validityWindow.acceptableHours.start",
                    "is required"));
            var e = h.object("end").orElseThrow(() -> ApiProblem.invalid("validityWindow.acceptableHours.end",
                    "is required"));
            h.rejectUnknownFields();
            var spec = new WindowSpec.HoursSpec(s.integer("hour"), s.integer("minute"), e.integer("hour"),
                    e.integer("minute"));
            s.rejectUnknownFields();
            e.rejectUnknownFields();
            return spec;
        });
        List<String> days = w.strings("acceptableDays").orElse(List.of());
        Optional<String> timezone = w.string("timezone");
        w.rejectUnknownFields();
        return new WindowSpec(oneTime, start, end, hours, days, timezone);
    }

    static Map<String, Object> view(CallLink link, String baseUrl, Clock clock) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", link.id());
        view.put("url", baseUrl + "/l/" + link.code());
        view.put("code", link.code());
        link.identity().ifPresent(identity -> view.put("identity", identity));
        link.displayName().ifPresent(name -> view.put("displayName", name));
        view.put("showIdentity", link.showIdentity());
        view.put("customData", link.customData());
        link.configId().ifPresent(id -> view.put("callLinkConfigId", id));
        view.put("destination", destination(link.destination()));
        var w = link.validityWindow();
        var window = new LinkedHashMap<String, Object>();
        window.put("oneTime", w.oneTime());
        window.put("startTime", w.start().toString());
        window.put("endTime", w.end().toString());
        w.hours().ifPresent(h -> window.put("acceptableHours", Map.of(
                "start", Map.of("hour", h.start().getHour(), "minute", h.start().getMinute()),
                "end", Map.of("hour", h.end().getHour(), "minute", h.end().getMinute()))));
        window.put("acceptableDays", w.days().stream().sorted().map(Enum::name).toList());
        window.put("timezone", w.timezone().getId());
        view.put("validityWindow", window);
        view.put("state", link.state(clock.instant()).name());
        link.usedAt().ifPresent(at -> view.put("usedAt", at.toString()));
        view.put("createdAt", link.createdAt().toString());
        return view;
    }

    /** {@code {type, identity}}, {@code {type, phoneNumber, from}} or {@code {type, roomName}}. */
    static Map<String, Object> destination(Destination destination) {
        var view = new LinkedHashMap<String, Object>();
        view.put("type", destination.type().name());
        switch (destination) {
            case Destination.Webrtc w -> view.put("identity", w.identity());
            case Destination.Phone p -> {
                view.put("phoneNumber", p.phoneNumber());
                view.put("from", p.from());
            }
            case Destination.Room r -> view.put("roomName", r.roomName());
        }
        return view;
    }
}
