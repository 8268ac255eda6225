package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import dev.parley.telephony.sip.IncomingCall;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A phone or SIP endpoint that called one of the account's numbers. Its INVITE is answered
 * as the conversation goes: 180 when the callee rings, 183 with the media answer for early
 * media, 200 when the callee accepts (or at once for a room), a final refusal otherwise.
 */
final class InboundLeg extends PhoneLeg {

    private final IncomingCall sip;
    private String answerSdp;
    private boolean answered;
    /** Early media or the answer was asked for before the media answer was ready: sent once it is. */
    private boolean wantProgress;
    private boolean wantAnswer;

    /** The caller gave up before its call reached a conversation (set from a SIP thread). */
    private volatile boolean goneEarly;

    InboundLeg(PhoneDevice device, IncomingCall sip, MediaServer media, MediaServer.RtpOptions rtpOptions,
               List<String> browserAudioCodecs) {
        super(device, media, rtpOptions, browserAudioCodecs);
        this.sip = sip;
        // At once: a CANCEL may come while the number is still being looked up.
        listen();
    }

    /** The number or URI the caller dialled, as the INVITE's Request-URI names it. */
    IncomingCall sip() {
        return sip;
    }

    /**
     * Makes the RTP leg in the conversation's media room from the INVITE's offer, as
     * {@code participant}; completes (on the executor) once the answer for 183/200 is ready,
     * or exceptionally when the offer is missing or has no codec in common.
     */
    CompletableFuture<Void> prepare(String participant) {
        Optional<String> offer = sip.sdpOffer();
        if (goneEarly) {
            farEndEnded = true;
            return CompletableFuture.failedFuture(new IllegalStateException("the caller gave up"));
        }
        if (offer.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the INVITE carries no SDP offer (a late offer is not supported)"));
        }
        return media.answerRtp(conversation.mediaRoomKey, participant, offer.get(), rtpOptions)
                .thenAcceptAsync(leg -> {
                    rtpPeerId = leg.peerId();
                    answerSdp = leg.sdp();
                    if (ended) {
                        media.closePeer(rtpPeerId, "the call ended while its media was made");
                    } else if (wantAnswer) {
                        answer();
                    } else if (wantProgress) {
                        progress();
                    }
                }, conversation.executor);
    }

    private void listen() {
        sip.setListener(new IncomingCall.Listener() {
            @Override
            public void onCancelled() {
                left();
            }

            @Override
            public void onRemoteHangup() {
                left();
            }

            @Override
            public void onAckTimeout() {
                left();
            }

            @Override
            public CompletableFuture<String> onReinvite(String sdpOffer) {
                return farEndReinvite(sdpOffer);
            }
        });
    }

    /** On a SIP thread: the caller left, before or after its call reached a conversation. */
    private void left() {
        goneEarly = true;
        Conversation attached = conversation;
        if (attached != null) {
            attached.executor.execute(this::farEndLeft);
        }
    }

    /** CANCEL, BYE, or no ACK: the caller is gone; its conversation hears a hangup. */
    private void farEndLeft() {
        if (ended) {
            return;
        }
        farEndEnded = true;
        Optional<Member> member = device.member();
        if (member.isPresent()) {
            conversation.handle(device, new ClientMessage.Hangup(null, member.get().callId));
        } else {
            end(ErrorCode.CANCELLED);
        }
    }

    @Override
    void onServerMessage(ServerMessage message) {
        if (ended) {
            return;
        }
        switch (message) {
            case ServerMessage.CallRinging ringing -> sip.ringing();
            case ServerMessage.CallEarlyMedia early -> progress();
            case ServerMessage.CallEstablished established -> answer();
            case ServerMessage.RoomJoined joined -> answer();
            case ServerMessage.CallEnded callEnded -> end(ErrorCode.valueOf(callEnded.errorCode().name()));
            case ServerMessage.RoomLeft left -> end(ErrorCode.valueOf(left.errorCode().name()));
            case ServerMessage.HoldChanged hold -> {
                if (!hold.by().equals(device.identity())) {
                    otherPartyHeld(hold.onHold());
                }
            }
            case ServerMessage.Error error -> {
                if (!answered) {
                    end(ErrorCode.valueOf(error.errorCode().name()));
                }
            }
            default -> {
                // Media negotiation, participants, talking, quality: not for a phone.
            }
        }
    }

    private void progress() {
        if (answered) {
            return;
        }
        if (answerSdp == null) {
            wantProgress = true;
        } else {
            sip.progress(answerSdp);
        }
    }

    private void answer() {
        if (answered) {
            return;
        }
        if (answerSdp == null) {
            wantAnswer = true;
            return;
        }
        answered = true;
        sip.answer(answerSdp);
    }

    @Override
    CompletableFuture<String> sipReinvite(String sdpOffer) {
        return sip.reinvite(sdpOffer);
    }

    @Override
    void endSip(ErrorCode reason) {
        if (answered) {
            sip.hangup();
        } else if (reason != ErrorCode.CANCELLED) {
            int status = SipStatus.forCode(reason);
            sip.reject(status, SipStatus.phrase(status));
        }
    }
}
