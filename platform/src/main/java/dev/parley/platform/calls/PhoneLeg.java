package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.signaling.ServerMessage;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP dialog and the plain-RTP media leg of a phone or SIP endpoint taking part in a call
 * or room ({@link InboundLeg}: it called us; {@link OutboundLeg}: we called it). Its
 * {@link PhoneDevice} turns what the conversation says into SIP; what the far end does comes
 * back onto the conversation's executor. Everything here runs on that executor.
 */
abstract sealed class PhoneLeg permits InboundLeg, OutboundLeg {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneLeg.class);

    final PhoneDevice device;
    final MediaServer media;
    /** How the RTP leg negotiates with the far end (codecs, and whether the room hears Opus). */
    final MediaServer.RtpOptions rtpOptions;
    /**
     * The codecs WebRTC members of the same call should publish their microphone in: the
     * trunk's G.711 when browsers take G.711 (no transcoding), empty for Opus.
     */
    final List<String> browserAudioCodecs;
    /** Set once, before the leg's first event can need it; read from SIP threads too. */
    volatile Conversation conversation;
    /** The RTP leg on the media server, once made. */
    String rtpPeerId;
    /** The SIP side is over (or being ended) for this leg. */
    boolean ended;
    /** The far end ended the dialog itself (refused, cancelled, hung up): nothing to send it. */
    boolean farEndEnded;

    PhoneLeg(PhoneDevice device, MediaServer media, MediaServer.RtpOptions rtpOptions, List<String> browserAudioCodecs) {
        this.device = device;
        this.media = media;
        this.rtpOptions = rtpOptions;
        this.browserAudioCodecs = List.copyOf(browserAudioCodecs);
        device.attach(this);
    }

    void attach(Conversation conversation) {
        this.conversation = conversation;
    }

    /** What the conversation tells this party (a {@link PhoneDevice#send}). */
    abstract void onServerMessage(ServerMessage message);

    /** A re-INVITE on this leg's dialog; completes with the far end's answer. */
    abstract CompletableFuture<String> sipReinvite(String sdpOffer);

    /** Ends the SIP side as fits its state: refuse, cancel, or BYE. */
    abstract void endSip(ErrorCode reason);

    /** Ends this leg: its dialog (unless the far end ended it) and its RTP leg. */
    final void end(ErrorCode reason) {
        if (ended) {
            return;
        }
        ended = true;
        if (!farEndEnded) {
            try {
                endSip(reason);
            } catch (RuntimeException e) {
                LOG.warn("ending the SIP dialog of {} failed", device.identity(), e);
            }
        }
        if (rtpPeerId != null) {
            media.closePeer(rtpPeerId, "the phone call ended");
        }
    }

    /**
     * Another party put the call on hold or resumed it: the far end hears of it through a
     * re-INVITE, sendonly while held and sendrecv after (RFC 3264 §8.4).
     */
    final void otherPartyHeld(boolean onHold) {
        if (rtpPeerId == null || ended) {
            return;
        }
        String peer = rtpPeerId;
        media.reofferRtp(peer, onHold)
                .thenCompose(offer -> sipReinvite(offer.sdp()))
                .thenCompose(answer -> media.acceptRtpAnswer(peer, answer))
                .whenComplete((leg, failure) -> {
                    if (failure != null) {
                        LOG.info("the {} re-INVITE to {} failed: {}", onHold ? "hold" : "resume", device.identity(),
                                failure.getMessage());
                    }
                });
    }

    /**
     * The far end's re-INVITE: the media server answers it; a direction that stops its sending
     * (sendonly, inactive, or the old c=0.0.0.0) is the far end putting the call on hold.
     */
    final CompletableFuture<String> farEndReinvite(String sdpOffer) {
        if (rtpPeerId == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no media yet"));
        }
        boolean holds = holds(sdpOffer);
        return media.updateRtp(rtpPeerId, sdpOffer).whenCompleteAsync((answer, failure) -> {
            if (failure == null && conversation != null) {
                device.member().ifPresent(member -> conversation.phoneHeld(member, holds));
            }
        }, conversation.executor);
    }

    /** Runs {@code task} on the conversation's executor (far-end events arrive on SIP threads). */
    final void post(Runnable task) {
        conversation.executor.execute(task);
    }

    /** Whether an SDP offer puts the sender on hold: its audio is sendonly or inactive, or c= is 0.0.0.0. */
    static boolean holds(String sdp) {
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (line.equals("a=sendonly") || line.equals("a=inactive") || line.equals("c=in ip4 0.0.0.0")) {
                return true;
            }
        }
        return false;
    }
}
