package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipUri;
import dev.parley.telephony.sip.OutgoingCall;
import dev.parley.telephony.sip.OutgoingInvite;
import dev.parley.telephony.sip.SipStack;
import dev.parley.telephony.sip.Transport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A phone number or SIP endpoint Parley calls through a trunk: it "rings" when the call starts
 * (Parley offers its RTP leg in an INVITE), 18x makes the call RINGING (with SDP: early
 * media), 200 accepts it, a final refusal ends it with the matching code.
 */
final class OutboundLeg extends PhoneLeg {

    /** Where and how to send the INVITE. */
    record Dial(SipUri requestUri, Transport transport, NameAddr from, NameAddr to,
                Optional<DigestCredentials> credentials) {
    }

    private final SipStack sip;
    private final Dial dial;
    private OutgoingCall call;
    private boolean dialing;

    OutboundLeg(PhoneDevice device, SipStack sip, Dial dial, MediaServer media, MediaServer.RtpOptions rtpOptions,
                List<String> browserAudioCodecs) {
        super(device, media, rtpOptions, browserAudioCodecs);
        this.sip = sip;
        this.dial = dial;
    }

    @Override
    void onServerMessage(ServerMessage message) {
        if (ended) {
            return;
        }
        switch (message) {
            case ServerMessage.IncomingCall incoming -> dial();
            case ServerMessage.CallEnded callEnded -> end(ErrorCode.valueOf(callEnded.errorCode().name()));
            case ServerMessage.HoldChanged hold -> {
                if (!hold.by().equals(device.identity())) {
                    otherPartyHeld(hold.onHold());
                }
            }
            default -> {
                // Media negotiation, participants, quality: not for a phone.
            }
        }
    }

    /** Offers the RTP leg and sends the INVITE with it. */
    private void dial() {
        if (dialing) {
            return;
        }
        dialing = true;
        String participant = device.member().map(Member::identity).orElse(device.identity());
        media.offerRtp(conversation.mediaRoomKey, participant, rtpOptions).whenCompleteAsync((leg, failure) -> {
            if (failure != null) {
                farEndEnded = true;
                conversation.calleeRefused(device, ErrorCode.MEDIA_FAILED, "no RTP leg: " + failure.getMessage());
                return;
            }
            rtpPeerId = leg.peerId();
            if (ended) {
                media.closePeer(rtpPeerId, "the call ended while dialling");
                return;
            }
            var invite = new OutgoingInvite(dial.requestUri(), dial.transport(), dial.from(), dial.to(), leg.sdp(),
                    dial.credentials(), List.of());
            call = sip.invite(invite, new Listener());
        }, conversation.executor);
    }

    private final class Listener implements OutgoingCall.Listener {
        @Override
        public void onProgress(int status, String reason, Optional<String> sdp) {
            post(() -> {
                if (ended) {
                    return;
                }
                conversation.calleeRinging(device);
                sdp.ifPresent(answer -> media.acceptRtpAnswer(rtpPeerId, answer).whenCompleteAsync((leg, failure) -> {
                    if (failure == null && !ended) {
                        conversation.calleeEarlyMedia(device);
                    }
                }, conversation.executor));
            });
        }

        @Override
        public void onAnswered(String sdpAnswer) {
            post(() -> media.acceptRtpAnswer(rtpPeerId, sdpAnswer).whenCompleteAsync((leg, failure) -> {
                if (ended) {
                    return;
                }
                if (failure != null) {
                    conversation.calleeRefused(device, ErrorCode.MEDIA_FAILED,
                            "the far end's answer cannot be used: " + failure.getMessage());
                    return;
                }
                conversation.handle(device, new ClientMessage.Accept(null, callId(), false, null));
            }, conversation.executor));
        }

        @Override
        public void onFailed(int status, String reason) {
            post(() -> {
                farEndEnded = true;
                conversation.calleeRefused(device, SipStatus.toCode(status), "the far end answered " + status + " " + reason);
            });
        }

        @Override
        public void onRemoteHangup() {
            post(() -> {
                farEndEnded = true;
                conversation.handle(device, new ClientMessage.Hangup(null, callId()));
            });
        }

        @Override
        public CompletableFuture<String> onReinvite(String sdpOffer) {
            return farEndReinvite(sdpOffer);
        }
    }

    private String callId() {
        return device.member().map(m -> m.callId).orElse("");
    }

    @Override
    CompletableFuture<String> sipReinvite(String sdpOffer) {
        return call == null ? CompletableFuture.failedFuture(new IllegalStateException("not dialled"))
                : call.reinvite(sdpOffer);
    }

    @Override
    void endSip(ErrorCode reason) {
        if (call != null) {
            call.hangup(); // CANCEL before the answer, BYE after
        }
    }
}
