package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.parley.platform.calllink.CallLinkConfig;
import dev.parley.platform.calllink.CallLinkConfigs;
import dev.parley.platform.calllink.CallOptions;
import dev.parley.platform.calllink.CameraFacing;
import dev.parley.platform.calllink.ConfigSpec;
import dev.parley.platform.calllink.InitialOptions;
import dev.parley.platform.calllink.Theme;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /call-link/1/configs}: the caller's call-link configurations. POST and PUT take the
 * whole configuration; what is left out takes the built-in default's value (PUT keeps the
 * default role when {@code isDefault} is left out).
 */
final class CallLinkConfigsApi {

    private static final String PATH = "/call-link/1/configs";

    private CallLinkConfigsApi() {
    }

    static void register(RouteTable routes, Requests requests, CallLinkConfigs configs) {
        routes.withKey(POST, PATH, (ctx, caller) -> Json.write(ctx, requests.mapper(), 201, Requests.JSON,
                view(configs.create(caller.accountId(), spec(requests.json(ctx))))));
        routes.withKey(GET, PATH, (ctx, caller) -> {
            var page = configs.list(caller.accountId(), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(CallLinkConfigsApi::view).toList()));
        });
        routes.withKey(GET, PATH + "/{configId}", (ctx, caller) -> Json.write(ctx, requests.mapper(), 200,
                Requests.JSON, view(configs.get(caller.accountId(), ctx.pathParam("configId")))));
        routes.withKey(PUT, PATH + "/{configId}", (ctx, caller) -> {
            String id = ctx.pathParam("configId");
            var spec = spec(requests.json(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(configs.update(caller.accountId(), id, spec)));
        });
        routes.withKey(DELETE, PATH + "/{configId}", (ctx, caller) -> {
            configs.delete(caller.accountId(), ctx.pathParam("configId"));
            ctx.status(204);
        });
    }

    private static ConfigSpec spec(JsonBody body) {
        String name = body.string("name").orElse(null);
        Optional<Boolean> makeDefault = body.bool("isDefault");
        var d = CallLinkConfig.BUILT_IN;
        InitialOptions initial = body.object("initialOptions").map(o -> {
            var options = new InitialOptions(o.bool("audio").orElse(d.initialOptions().audio()),
                    o.bool("video").orElse(d.initialOptions().video()), o.bool("muted").orElse(d.initialOptions().muted()),
                    o.enumValue("cameraFacingMode", CameraFacing.class).orElse(d.initialOptions().cameraFacingMode()));
            o.rejectUnknownFields();
            return options;
        }).orElse(d.initialOptions());
        CallOptions call = body.object("callOptions").map(o -> {
            var c = d.callOptions();
            var options = new CallOptions(o.bool("mute").orElse(c.mute()), o.bool("screenShare").orElse(c.screenShare()),
                    o.bool("camera").orElse(c.camera()), o.bool("switchCameraFacingMode").orElse(c.switchCameraFacingMode()),
                    o.bool("dialPad").orElse(c.dialPad()), o.bool("settings").orElse(c.settings()),
                    o.bool("recordingIndicator").orElse(c.recordingIndicator()));
            o.rejectUnknownFields();
            return options;
        }).orElse(d.callOptions());
        Theme theme = body.object("theme").map(CallLinkConfigsApi::theme).orElse(d.theme());
        body.rejectUnknownFields();
        return new ConfigSpec(name, makeDefault, initial, call, theme);
    }

    private static Theme theme(JsonBody t) {
        var d = Theme.DEFAULTS;
        Optional<String> logo = Optional.empty();
        Optional<String> background = Optional.empty();
        var images = t.object("images");
        if (images.isPresent()) {
            logo = images.get().string("logoImageId");
            background = images.get().string("backgroundImageId");
            images.get().rejectUnknownFields();
        }
        Theme.Messages messages = t.object("messages").map(m -> {
            var value = new Theme.Messages(m.string("welcomeText").orElse(d.messages().welcomeText()),
                    m.string("inactiveText").orElse(d.messages().inactiveText()),
                    m.string("expirationText").orElse(d.messages().expirationText()));
            m.rejectUnknownFields();
            return value;
        }).orElse(d.messages());
        Theme.Colors colors = t.object("colors").map(c -> {
            var value = new Theme.Colors(c.string("primary").orElse(d.colors().primary()),
                    c.string("primaryText").orElse(d.colors().primaryText()),
                    c.string("background").orElse(d.colors().background()));
            c.rejectUnknownFields();
            return value;
        }).orElse(d.colors());
        t.rejectUnknownFields();
        return new Theme(logo, background, messages, colors);
    }

    static Map<String, Object> view(CallLinkConfig config) {
        var view = new LinkedHashMap<String, Object>();
        config.id().ifPresent(id -> view.put("id", id));
        view.put("name", config.name());
        view.put("isDefault", config.isDefault());
        view.put("initialOptions", initialOptions(config.initialOptions()));
        view.put("callOptions", callOptions(config.callOptions()));
        var theme = config.theme();
        var images = new LinkedHashMap<String, Object>();
        theme.logoImageId().ifPresent(id -> images.put("logoImageId", id));
        theme.backgroundImageId().ifPresent(id -> images.put("backgroundImageId", id));
        var messages = new LinkedHashMap<String, Object>();
        messages.put("welcomeText", theme.messages().welcomeText());
        messages.put("inactiveText", theme.messages().inactiveText());
        messages.put("expirationText", theme.messages().expirationText());
        var themeView = new LinkedHashMap<String, Object>();
        themeView.put("images", images);
        themeView.put("messages", messages);
        themeView.put("colors", colors(theme.colors()));
        view.put("theme", themeView);
        config.createdAt().ifPresent(at -> view.put("createdAt", at.toString()));
        config.updatedAt().ifPresent(at -> view.put("updatedAt", at.toString()));
        return view;
    }

    static Map<String, Object> initialOptions(InitialOptions o) {
        var view = new LinkedHashMap<String, Object>();
        view.put("audio", o.audio());
        view.put("video", o.video());
        view.put("muted", o.muted());
        view.put("cameraFacingMode", o.cameraFacingMode().name());
        return view;
    }

    static Map<String, Object> callOptions(CallOptions o) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mute", o.mute());
        view.put("screenShare", o.screenShare());
        view.put("camera", o.camera());
        view.put("switchCameraFacingMode", o.switchCameraFacingMode());
        view.put("dialPad", o.dialPad());
        view.put("settings", o.settings());
        view.put("recordingIndicator", o.recordingIndicator());
        return view;
    }

    static Map<String, Object> colors(Theme.Colors c) {
        var view = new LinkedHashMap<String, Object>();
        view.put("primary", c.primary());
        view.put("primaryText", c.primaryText());
        view.put("background", c.background());
        return view;
    }
}
