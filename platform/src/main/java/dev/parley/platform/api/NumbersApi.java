package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.parley.platform.telephony.E164;
import dev.parley.platform.telephony.InboundDestination;
import dev.parley.platform.telephony.InboundType;
import dev.parley.platform.telephony.NumberFilter;
import dev.parley.platform.telephony.NumberService;
import dev.parley.platform.telephony.NumberSpec;
import dev.parley.platform.telephony.PhoneNumber;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /telephony/1/numbers}: the phone numbers of the caller's account and where their calls go. */
final class NumbersApi {

    private static final String PATH = "/telephony/1/numbers";

    private NumbersApi() {
    }

    static void register(RouteTable routes, Requests requests, NumberService numbers) {
        routes.withKey(POST, PATH, (ctx, caller) -> {
            var body = requests.json(ctx);
            String number = body.requiredString("number");
            var spec = spec(body);
            var created = numbers.create(caller.accountId(), number, spec);
            Json.write(ctx, requests.mapper(), 201, Requests.JSON, view(created));
        });
        routes.withKey(GET, PATH, (ctx, caller) -> {
            var page = numbers.list(caller.accountId(), filter(ctx), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(NumbersApi::view).toList()));
        });
        routes.withKey(GET, PATH + "/{number}", (ctx, caller) ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                        view(numbers.get(caller.accountId(), pathNumber(ctx)))));
        routes.withKey(PUT, PATH + "/{number}", (ctx, caller) -> {
            String number = pathNumber(ctx);
            var body = requests.json(ctx);
            body.string("number").filter(inBody -> !inBody.equals(number)).ifPresent(inBody -> {
                throw ApiProblem.invalid("number", "must be the number of the path, or left out");
            });
            var updated = numbers.update(caller.accountId(), number, spec(body));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(updated));
        });
        routes.withKey(DELETE, PATH + "/{number}", (ctx, caller) -> {
            numbers.delete(caller.accountId(), pathNumber(ctx));
            ctx.status(204);
        });
    }

    /**
     * The number in the path. A {@code +} may be sent as is, as {@code %2B}, or left out;
     * as is, some decoders turn it into a space, which is read back as {@code +}.
     */
    private static String pathNumber(Context ctx) {
        String raw = ctx.pathParam("number");
        String number = raw.startsWith(" ") ? "+" + raw.substring(1)
                : !raw.isEmpty() && raw.chars().allMatch(Character::isDigit) ? "+" + raw : raw;
        if (!E164.isValid(number)) {
            throw ApiProblem.invalid("number", E164.RULE);
        }
        return number;
    }

    private static NumberFilter filter(Context ctx) {
        Optional<InboundType> type = Optional.ofNullable(ctx.queryParam("type")).filter(t -> !t.isEmpty()).map(text -> {
            for (InboundType candidate : InboundType.values()) {
                if (candidate.name().equals(text)) {
                    return candidate;
                }
            }
            throw ApiProblem.invalid("type", "must be one of WEBRTC, ROOM, SIP, PHONE, DYNAMIC");
        });
        Optional<Boolean> outbound = Optional.ofNullable(ctx.queryParam("outboundEnabled")).filter(t -> !t.isEmpty())
                .map(text -> switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw ApiProblem.invalid("outboundEnabled", "must be true or false");
                });
        return new NumberFilter(type, outbound);
    }

    /** The settings of a POST or PUT body: outboundEnabled (default false), trunkId, inbound (required). */
    private static NumberSpec spec(JsonBody body) {
        boolean outboundEnabled = body.bool("outboundEnabled").orElse(false);
        Optional<String> trunkId = body.string("trunkId");
        JsonBody inbound = body.object("inbound").orElseThrow(() -> ApiProblem.invalid("inbound", "is required"));
        body.rejectUnknownFields();
        return new NumberSpec(outboundEnabled, trunkId, destination(inbound));
    }

    private static InboundDestination destination(JsonBody inbound) {
        InboundType type = inbound.enumValue("type", InboundType.class)
                .orElseThrow(() -> ApiProblem.invalid("inbound.type", "is required"));
        var targets = new EnumMap<InboundType, Optional<String>>(InboundType.class);
        for (InboundType candidate : InboundType.values()) {
            if (!candidate.targetField().isEmpty()) {
                targets.put(candidate, inbound.string(candidate.targetField()));
            }
        }
        inbound.rejectUnknownFields();
        targets.forEach((candidate, target) -> {
            if (candidate != type && target.isPresent()) {
                throw ApiProblem.invalid("inbound." + candidate.targetField(), "is only for type " + candidate);
            }
        });
        return InboundDestination.of(type, targets.getOrDefault(type, Optional.empty()), "inbound.");
    }

    private static Map<String, Object> view(PhoneNumber number) {
        var inbound = new LinkedHashMap<String, Object>();
        inbound.put("type", number.inbound().type().name());
        number.inbound().target().ifPresent(target -> inbound.put(number.inbound().type().targetField(), target));
        var view = new LinkedHashMap<String, Object>();
        view.put("number", number.number());
        view.put("outboundEnabled", number.outboundEnabled());
        number.trunkId().ifPresent(trunkId -> view.put("trunkId", trunkId));
        view.put("inbound", inbound);
        view.put("createdAt", number.createdAt().toString());
        view.put("updatedAt", number.updatedAt().toString());
        return view;
    }
}
