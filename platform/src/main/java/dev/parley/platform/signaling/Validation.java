package dev.parley.platform.signaling;

import dev.parley.platform.token.IdentityTokenRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of docs/signaling.md that a message must keep before it is handled. Each
 * violation names the field, so the {@code error}'s description tells the client what to fix.
 */
final class Validation {

    static final Pattern ROOM = Pattern.compile("^[\\p{L}\\p{N}\\w.\\-+=]{3,250}$");
    private static final int MAX_CUSTOM_DATA_JSON = 920;
    private static final int MAX_SDP = 60 * 1024;
    private static final int MAX_DESTINATION = 256;
    private static final Pattern MID = Pattern.compile("^[A-Za-z0-9_.\\-]{1,32}$");

    private Validation() {
    }

    /** What is wrong with {@code message}, if anything. */
    static Optional<String> check(ClientMessage message) {
        return recording(message).or(() -> rules(message));
    }

    /** The recording option of the messages that carry one: absent, AUDIO or AUDIO_AND_VIDEO. */
    private static Optional<String> recording(ClientMessage message) {
        String recording = switch (message) {
            case ClientMessage.Call c -> c.recording();
            case ClientMessage.CallPhone c -> c.recording();
            case ClientMessage.CallSip c -> c.recording();
            case ClientMessage.CallDynamic c -> c.recording();
            case ClientMessage.JoinRoom j -> j.recording();
            case ClientMessage.Accept a -> a.recording();
            default -> null;
        };
        return recording == null || recording.equals("AUDIO") || recording.equals("AUDIO_AND_VIDEO") ? Optional.empty()
                : Optional.of("recording must be AUDIO or AUDIO_AND_VIDEO");
    }

    private static Optional<String> rules(ClientMessage message) {
        return switch (message) {
            case ClientMessage.Register r -> r.resume() != null && r.resume().length() > 64
                    ? Optional.of("resume must be a session id") : Optional.empty();
            case ClientMessage.Ping p -> Optional.empty();
            case ClientMessage.Call c -> c.to() == null || !IdentityTokenRequest.IDENTITY.matcher(c.to()).matches()
                    ? Optional.of("to must be an identity: 3 to 64 letters, digits or the characters _ . - + = /")
                    : customData(c.customData());
            // A destination of the wrong form ends the call with INVALID_DESTINATION (the calls
            // check it); here only what no destination can be: missing, or absurdly long.
            case ClientMessage.CallPhone c -> destination(c.to()).or(() -> c.from() == null || c.from().length() > 32
                    ? Optional.of("from must be a phone number (the caller ID)") : Optional.empty())
                    .or(() -> customData(c.customData()));
            case ClientMessage.CallSip c -> destination(c.to()).or(() -> customData(c.customData()));
            case ClientMessage.CallDynamic c -> customData(c.customData());
            case ClientMessage.JoinRoom j -> j.room() == null || !ROOM.matcher(j.room()).matches()
                    ? Optional.of("room must be 3 to 250 letters, digits or the characters _ . - + =")
                    : customData(j.customData());
            case ClientMessage.Publish p -> callId(p).or(() -> sdp(p.sdp())).or(() -> sources(p.sources()));
            case ClientMessage.SubscribeAnswer a -> callId(a).or(() -> sdp(a.sdp()));
            case ClientMessage.Hold h -> callId(h).or(() -> h.onHold() == null
                    ? Optional.of("onHold must be true or false") : Optional.empty());
            case ClientMessage.CallScoped scoped -> callId(scoped);
        };
    }

    private static Optional<String> destination(String to) {
        return to == null || to.isEmpty() || to.length() > MAX_DESTINATION
                ? Optional.of("to must be a phone number or SIP URI of at most " + MAX_DESTINATION + " characters")
                : Optional.empty();
    }

    private static Optional<String> callId(ClientMessage.CallScoped message) {
        return message.callId() == null || message.callId().isEmpty() || message.callId().length() > 64
                ? Optional.of("callId is required") : Optional.empty();
    }

    private static Optional<String> sdp(String sdp) {
        return sdp == null || sdp.isBlank() || sdp.length() > MAX_SDP
                ? Optional.of("sdp must be a session description") : Optional.empty();
    }

    private static Optional<String> sources(Map<String, String> sources) {
        if (sources == null) {
            return Optional.empty();
        }
        for (var entry : sources.entrySet()) {
            if (!MID.matcher(entry.getKey()).matches()) {
                return Optional.of("sources must map mids to sources");
            }
            String source = entry.getValue();
            if (!"microphone".equals(source) && !"camera".equals(source) && !"screen".equals(source)) {
                return Optional.of("sources." + entry.getKey() + " must be microphone, camera or screen");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> customData(Map<String, Object> data) {
        if (data == null) {
            return Optional.empty();
        }
        int json = 2;
        for (var entry : data.entrySet()) {
            if (!(entry.getValue() instanceof String value)) {
                return Optional.of("customData." + entry.getKey() + " must be a string");
            }
            // Close to the JSON length; escapes are rare in practice and only make it longer.
            json += entry.getKey().length() + value.length() + 6;
        }
        return json > MAX_CUSTOM_DATA_JSON
                ? Optional.of("customData must be at most " + MAX_CUSTOM_DATA_JSON + " characters of JSON")
                : Optional.empty();
    }
}
