package dev.parley.platform.signaling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * What a client sends (docs/signaling.md). Read by {@link SignalingCodec}; unknown fields are
 * ignored. Booleans are boxed so that an absent field can be told from {@code false}; the
 * defaults are applied where the message is handled.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.Register.class, name = "register"),
        @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ClientMessage.Call.class, name = "call"),
        @JsonSubTypes.Type(value = ClientMessage.CallPhone.class, name = "call-phone"),
        @JsonSubTypes.Type(value = ClientMessage.CallSip.class, name = "call-sip"),
        @JsonSubTypes.Type(value = ClientMessage.CallDynamic.class, name = "call-dynamic"),
        @JsonSubTypes.Type(value = ClientMessage.Accept.class, name = "accept"),
        @JsonSubTypes.Type(value = ClientMessage.Decline.class, name = "decline"),
        @JsonSubTypes.Type(value = ClientMessage.Hangup.class, name = "hangup"),
        @JsonSubTypes.Type(value = ClientMessage.JoinRoom.class, name = "join-room"),
        @JsonSubTypes.Type(value = ClientMessage.LeaveRoom.class, name = "leave-room"),
        @JsonSubTypes.Type(value = ClientMessage.Publish.class, name = "publish"),
        @JsonSubTypes.Type(value = ClientMessage.SubscribeAnswer.class, name = "subscribe-answer"),
        @JsonSubTypes.Type(value = ClientMessage.Resubscribe.class, name = "resubscribe"),
        @JsonSubTypes.Type(value = ClientMessage.MediaState.class, name = "media-state"),
        @JsonSubTypes.Type(value = ClientMessage.Hold.class, name = "hold"),
})
public sealed interface ClientMessage {

    String requestId();

    /** A message about one of the client's calls or room memberships. */
    sealed interface CallScoped extends ClientMessage {
        String callId();
    }

    record Register(String requestId, String resume) implements ClientMessage {
    }

    record Ping(String requestId) implements ClientMessage {
    }

    record Call(String requestId, String to, Boolean video, Map<String, Object> customData, String recording)
            implements ClientMessage {
    }

    /** A phone number (E.164) through the account's trunk, with {@code from} as the caller ID. */
    record CallPhone(String requestId, String to, String from, Map<String, Object> customData, String recording)
            implements ClientMessage {
    }

    /** A SIP URI on one of the account's trunks. */
    record CallSip(String requestId, String to, Map<String, Object> customData, String recording)
            implements ClientMessage {
    }

    /** Where the account's dynamic destination callback says. */
    record CallDynamic(String requestId, Map<String, Object> customData, String recording) implements ClientMessage {
    }

    record JoinRoom(String requestId, String room, Boolean video, Map<String, Object> customData, String recording)
            implements ClientMessage {
    }

    record Accept(String requestId, String callId, Boolean video, String recording) implements CallScoped {
    }

    record Decline(String requestId, String callId) implements CallScoped {
    }

    record Hangup(String requestId, String callId) implements CallScoped {
    }

    record LeaveRoom(String requestId, String callId) implements CallScoped {
    }

    record Publish(String requestId, String callId, String sdp, Map<String, String> sources) implements CallScoped {
    }

    record SubscribeAnswer(String requestId, String callId, String sdp) implements CallScoped {
    }

    record Resubscribe(String requestId, String callId) implements CallScoped {
    }

    record MediaState(String requestId, String callId, Boolean audioMuted, Boolean camera, Boolean screenShare)
            implements CallScoped {
    }

    record Hold(String requestId, String callId, Boolean onHold) implements CallScoped {
    }
}
