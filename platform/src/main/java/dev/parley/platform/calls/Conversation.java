package dev.parley.platform.calls;

import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import java.util.List;
import java.util.Optional;

/**
 * A call or a room: members that exchange media through one SFU room. Everything here runs
 * on {@link #executor}; the media server's answers are brought back onto it.
 */
abstract class Conversation {

    final SerialExecutor executor;
    final String accountId;
    final String mediaRoomKey;
    final CallService service;
    final ConversationMedia media;
    final ConversationRecording recording;
    /** The account's recording setting, read when the conversation was made (rooms: at each join). */
    volatile dev.parley.platform.recording.AccountRecording accountRecording =
            dev.parley.platform.recording.AccountRecording.NO_RECORDING;
    /**
     * The codecs WebRTC members publish their microphone in: empty for Opus (the default); the
     * trunk's G.711 when a phone takes part and browsers take G.711, so the SFU passes the
     * audio through to the phone untranscoded. Set before the first publish.
     */
    volatile java.util.List<String> browserAudioCodecs = List.of();

    Conversation(CallService service, String accountId, String mediaRoomKey) {
        this.service = service;
        this.executor = service.newExecutor();
        this.accountId = accountId;
        this.mediaRoomKey = mediaRoomKey;
        this.media = new ConversationMedia(this, service.media());
        this.recording = new ConversationRecording(this, service.media(), service.recordings(), service.workers());
    }

    /** Members joined, accepted or began early media: media follows, and the recording decides whether to start. */
    final void membersChanged() {
        media.membersChanged();
        recording.update();
    }

    /** One member's recording outcome from the account's setting, its token and its option (RecordingPolicy). */
    final java.util.Optional<dev.parley.platform.recording.RecordingType> recordingOutcome(Device device, String option) {
        return dev.parley.platform.recording.RecordingPolicy.outcome(accountRecording, device.recordingCapability(),
                java.util.Optional.ofNullable(option).map(dev.parley.platform.recording.RecordingType::valueOf));
    }

    /** Whether the conversation may be recorded now (a call only once established). */
    abstract boolean recordable();

    /** A call with a phone or SIP endpoint records audio only. */
    abstract boolean audioOnlyRecording();

    abstract dev.parley.platform.recording.CallType recordingCallType();

    /** The id its recording is listed under (a call's id; a room's session). */
    abstract String recordingCallId();

    /** The members that exchange media now (a call's parties, a room's members). */
    abstract List<Member> members();

    /** The member {@code device} is, for the conversation known to it as {@code callId}. */
    abstract Optional<Member> member(Device device, String callId);

    /** Whether members receive each other's media yet (a call only once ESTABLISHED). */
    abstract boolean mediaFlows();

    abstract String kind();

    abstract String status();

    /** A message about this conversation from {@code device}. */
    abstract void handle(Device device, ClientMessage.CallScoped message);

    /** The device's session ended for good (not resumed in time). */
    abstract void deviceGone(Device device);

    /** Call ids {@code device} knows this conversation by. */
    abstract List<String> callIdsOf(Device device);

    // --- what phones and SIP endpoints do (PhoneLeg calls these on the executor) ---

    /** A dialled phone rings (SIP 180/183). */
    void calleeRinging(Device callee) {
    }

    /** A dialled phone sends early media (183 with SDP), before it answers. */
    void calleeEarlyMedia(Device callee) {
    }

    /** A dialled phone refused or could not be reached. */
    void calleeRefused(Device callee, ErrorCode reason, String detail) {
    }

    /** A phone member put the call on hold (re-INVITE sendonly/inactive) or resumed it. */
    void phoneHeld(Member member, boolean onHold) {
    }

    /** Publish, subscribe, media state: the same for calls and rooms. */
    final void handleMedia(Member member, ClientMessage.CallScoped message) {
        switch (message) {
            case ClientMessage.Publish publish -> media.publish(member, publish);
            case ClientMessage.SubscribeAnswer answer -> media.subscribeAnswer(member, answer);
            case ClientMessage.Resubscribe resubscribe -> media.resubscribe(member, resubscribe);
            case ClientMessage.MediaState state -> {
                member.audioMuted = state.audioMuted() != null ? state.audioMuted() : member.audioMuted;
                member.camera = state.camera() != null ? state.camera() : member.camera;
                member.screenShare = state.screenShare() != null ? state.screenShare() : member.screenShare;
                others(member).forEach(other ->
                        other.send(new ServerMessage.ParticipantMedia(other.callId, member.participant())));
            }
            default -> error(member.device, message, ErrorCode.INVALID_REQUEST.info(
                    "this message is not about media"));
        }
    }

    final List<Member> others(Member member) {
        return members().stream().filter(m -> m != member).toList();
    }

    final void deviceConnection(Device device, boolean connected) {
        for (Member member : members()) {
            if (member.device == device && member.connected != connected) {
                member.connected = connected;
                String state = connected ? "reconnected" : "disconnected";
                others(member).forEach(other -> other.send(
                        new ServerMessage.ParticipantConnection(other.callId, member.identity(), state)));
            }
        }
    }

    static void error(Device device, ClientMessage message, ErrorCode.Info error) {
        String callId = message instanceof ClientMessage.CallScoped scoped ? scoped.callId() : null;
        device.send(new ServerMessage.Error(message.requestId(), callId, error));
    }
}
