package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.telephony.AddressRange;
import dev.parley.platform.telephony.Codec;
import dev.parley.platform.telephony.Transport;
import dev.parley.platform.telephony.Trunk;
import dev.parley.platform.telephony.TrunkService;
import dev.parley.platform.telephony.TrunkSpec;
import dev.parley.platform.telephony.Violations;
import dev.parley.platform.telephony.WebrtcAudio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /telephony/1/trunks}: the SIP trunks of the caller's account. */
final class TrunksApi {

    private static final String PATH = "/telephony/1/trunks";

    private TrunksApi() {
    }

    static void register(RouteTable routes, Requests requests, TrunkService trunks) {
        routes.withKey(POST, PATH, (ctx, caller) -> {
            var trunk = trunks.create(caller.accountId(), spec(requests.json(ctx)));
            Json.write(ctx, requests.mapper(), 201, Requests.JSON, view(trunk));
        });
        routes.withKey(GET, PATH, (ctx, caller) -> {
            var page = trunks.list(caller.accountId(), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(TrunksApi::view).toList()));
        });
        routes.withKey(GET, PATH + "/{trunkId}", (ctx, caller) ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                        view(trunks.get(caller.accountId(), ctx.pathParam("trunkId")))));
        routes.withKey(PUT, PATH + "/{trunkId}", (ctx, caller) -> {
            var trunk = trunks.update(caller.accountId(), ctx.pathParam("trunkId"), spec(requests.json(ctx)));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(trunk));
        });
        routes.withKey(DELETE, PATH + "/{trunkId}", (ctx, caller) -> {
            trunks.delete(caller.accountId(), ctx.pathParam("trunkId"));
            ctx.status(204);
        });
    }

    /** The body of a POST or PUT; what is left out takes its default (the password and isDefault excepted). */
    private static TrunkSpec spec(JsonBody body) {
        Optional<String> name = body.string("name");
        Optional<String> host = body.string("host");
        long port = body.integer("port").orElse((long) TrunkSpec.DEFAULT_PORT);
        Transport transport = body.enumValue("transport", Transport.class).orElse(Transport.UDP);
        Optional<String> username = body.string("username");
        Optional<String> password = body.string("password");
        Optional<List<String>> codecNames = body.strings("codecs");
        WebrtcAudio webrtcAudio = body.enumValue("webrtcAudio", WebrtcAudio.class).orElse(WebrtcAudio.G711);
        List<String> addresses = body.strings("allowedAddresses").orElse(List.of());
        boolean keepAlive = body.bool("keepAlive").orElse(true);
        Optional<Boolean> isDefault = body.bool("isDefault");
        body.rejectUnknownFields();

        var violations = new Violations();
        List<Codec> codecs = codecNames.map(names -> codecs(names, violations)).orElse(TrunkSpec.DEFAULT_CODECS);
        var ranges = new ArrayList<AddressRange>();
        for (int i = 0; i < addresses.size(); i++) {
            String field = "allowedAddresses[" + i + "]";
            String text = addresses.get(i);
            violations.check(() -> AddressRange.parse(field, text)).ifPresent(ranges::add);
        }
        violations.throwIfAny();
        return new TrunkSpec(name.orElse(null), host.orElse(null), (int) Math.clamp(port, -1, 65536), transport,
                username, password, codecs, webrtcAudio, ranges, keepAlive, isDefault);
    }

    private static List<Codec> codecs(List<String> names, Violations violations) {
        var codecs = new ArrayList<Codec>();
        for (int i = 0; i < names.size(); i++) {
            String field = "codecs[" + i + "]";
            String text = names.get(i);
            violations.check(() -> codec(field, text)).ifPresent(codecs::add);
        }
        return codecs;
    }

    private static Codec codec(String field, String text) {
        for (Codec codec : Codec.values()) {
            if (codec.name().equals(text)) {
                return codec;
            }
        }
        throw new InvalidInput(field, "must be one of PCMU, PCMA, OPUS");
    }

    private static Map<String, Object> view(Trunk trunk) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", trunk.id());
        view.put("name", trunk.name());
        view.put("host", trunk.host());
        view.put("port", trunk.port());
        view.put("transport", trunk.transport().name());
        trunk.username().ifPresent(username -> view.put("username", username));
        view.put("hasPassword", trunk.hasPassword());
        view.put("codecs", trunk.codecs().stream().map(Codec::name).toList());
        view.put("webrtcAudio", trunk.webrtcAudio().name());
        view.put("allowedAddresses", trunk.allowedAddresses().stream().map(AddressRange::toString).toList());
        view.put("keepAlive", trunk.keepAlive());
        view.put("isDefault", trunk.isDefault());
        view.put("createdAt", trunk.createdAt().toString());
        view.put("updatedAt", trunk.updatedAt().toString());
        return view;
    }
}
