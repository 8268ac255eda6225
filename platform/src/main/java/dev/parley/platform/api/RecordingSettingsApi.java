package dev.parley.platform.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;

import dev.parley.platform.recording.AccountRecording;
import dev.parley.platform.recording.RecordingPreferences;
import dev.parley.platform.recording.RecordingSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /webrtc/1/recording-settings}: what the caller's account records, and whether it composes. */
final class RecordingSettingsApi {

    private static final String PATH = "/webrtc/1/recording-settings";

    private RecordingSettingsApi() {
    }

    static void register(RouteTable routes, Requests requests, RecordingSettings settings) {
        routes.withKey(GET, PATH, (ctx, caller) ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(settings.get(caller.accountId()))));
        routes.withKey(PUT, PATH, (ctx, caller) -> {
            var body = requests.json(ctx);
            AccountRecording recording = body.enumValue("recording", AccountRecording.class)
                    .orElseThrow(() -> ApiProblem.invalid("recording", "is required"));
            boolean compose = body.bool("compose").orElse(false);
            body.rejectUnknownFields();
            var stored = settings.put(caller.accountId(), new RecordingPreferences(recording, compose));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(stored));
        });
    }

    private static Map<String, Object> view(RecordingPreferences preferences) {
        var view = new LinkedHashMap<String, Object>();
        view.put("recording", preferences.recording().name());
        view.put("compose", preferences.compose());
        return view;
    }
}
