package dev.parley.platform.signaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.platform.calls.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * What the server sends (docs/signaling.md). A {@code requestId} is only present on the
 * answer to a request that carried one, so null fields are left out.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Registered.class, name = "registered"),
        @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.CallCreated.class, name = "call-created"),
        @JsonSubTypes.Type(value = ServerMessage.IncomingCall.class, name = "incoming-call"),
        @JsonSubTypes.Type(value = ServerMessage.CallRinging.class, name = "call-ringing"),
        @JsonSubTypes.Type(value = ServerMessage.CallEarlyMedia.class, name = "call-early-media"),
        @JsonSubTypes.Type(value = ServerMessage.CallEstablished.class, name = "call-established"),
        @JsonSubTypes.Type(value = ServerMessage.CallEnded.class, name = "call-ended"),
        @JsonSubTypes.Type(value = ServerMessage.RoomJoined.class, name = "room-joined"),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantJoined.class, name = "participant-joined"),
        @JsonSubTypes.Type(value = ServerMessage.RoomLeft.class, name = "room-left"),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantLeft.class, name = "participant-left"),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantTalking.class, name = "participant-talking"),
        @JsonSubTypes.Type(value = ServerMessage.PublishAnswer.class, name = "publish-answer"),
        @JsonSubTypes.Type(value = ServerMessage.SubscribeOffer.class, name = "subscribe-offer"),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantMedia.class, name = "participant-media"),
        @JsonSubTypes.Type(value = ServerMessage.HoldChanged.class, name = "hold-changed"),
        @JsonSubTypes.Type(value = ServerMessage.Dtmf.class, name = "dtmf"),
        @JsonSubTypes.Type(value = ServerMessage.RecordingStarted.class, name = "recording-started"),
        @JsonSubTypes.Type(value = ServerMessage.NetworkQuality.class, name = "network-quality"),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantConnection.class, name = "participant-connection"),
})
public sealed interface ServerMessage {

    /** One entry of {@code iceServers}, as {@code RTCPeerConnection} takes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IceServer(List<String> urls, String username, String credential) {
    }

    /** A call or room still alive after a resume. */
    record CallSummary(String callId, String kind, String status) {
    }

    /** A member of a room or a party of a call, as the others see it. */
    record Participant(String identity, String displayName, boolean audioMuted, boolean camera, boolean screenShare) {
    }

    /** What one mid of a subscribe offer carries. */
    record OfferedTrack(String mid, String participant, String source) {
    }

    record Registered(String requestId, String sessionId, String identity, String displayName, long heartbeatIntervalMs,
                      long heartbeatTimeoutMs, List<IceServer> iceServers, boolean resumed, List<CallSummary> calls)
            implements ServerMessage {
    }

    record Pong(String requestId) implements ServerMessage {
    }

    record Error(String requestId, String callId, ErrorCode.Info errorCode) implements ServerMessage {
    }

    /** {@code toType}: WEBRTC, PHONE or SIP. */
    record CallCreated(String requestId, String callId, String from, String to, String toType) implements ServerMessage {
    }

    /** {@code fromType}: WEBRTC, PHONE or SIP. */
    record IncomingCall(String callId, String from, String fromDisplayName, String fromType, boolean video,
                        Map<String, String> customData) implements ServerMessage {
    }

    /** The far end of a phone or SIP call sends audio before it answers. */
    record CallEarlyMedia(String callId) implements ServerMessage {
    }

    record CallRinging(String callId) implements ServerMessage {
    }

    /** {@code startTime} is ISO 8601 (UTC). */
    record CallEstablished(String requestId, String callId, String startTime) implements ServerMessage {
    }

    record CallEnded(String callId, ErrorCode.Info errorCode, long duration) implements ServerMessage {
    }

    record RoomJoined(String requestId, String callId, String room, List<Participant> participants)
            implements ServerMessage {
    }

    record ParticipantJoined(String callId, Participant participant) implements ServerMessage {
    }

    record RoomLeft(String requestId, String callId, ErrorCode.Info errorCode) implements ServerMessage {
    }

    record ParticipantLeft(String callId, Participant participant) implements ServerMessage {
    }

    record ParticipantTalking(String callId, String participant, boolean talking) implements ServerMessage {
    }

    record PublishAnswer(String requestId, String callId, String sdp) implements ServerMessage {
    }

    record SubscribeOffer(String callId, String sdp, List<OfferedTrack> tracks) implements ServerMessage {
    }

    record ParticipantMedia(String callId, Participant participant) implements ServerMessage {
    }

    record HoldChanged(String callId, boolean onHold, String by) implements ServerMessage {
    }

    record Dtmf(String callId, String participant, String digit) implements ServerMessage {
    }

    /** The call or room is recorded from now on: {@code recordingType} AUDIO or AUDIO_AND_VIDEO. */
    record RecordingStarted(String callId, String recordingType) implements ServerMessage {
    }

    record NetworkQuality(String callId, String participant, int networkQuality, double mos, double loss,
                          double jitterMs, double rttMs) implements ServerMessage {
    }

    record ParticipantConnection(String callId, String participant, String state) implements ServerMessage {
    }
}
