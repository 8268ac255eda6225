package dev.parley.telephony.sip;

import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.Uri;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A call to us (the UAS core, RFC 3261 §13.3): 18x with our tag and Contact, the 200
 * retransmitted until its ACK, final refusals through the INVITE's transaction, CANCEL
 * answered with 487 (§9.2), and BYE before the answer ending the INVITE with 487 too.
 */
final class UasCall extends CallSession implements IncomingCall {

    private static final Listener NO_LISTENER = new Listener() {
    };

    private final SipRequest invite;
    private final InviteServerTransaction transaction;
    private final Source source;
    private volatile Listener listener = NO_LISTENER;
    private boolean finalSent;
    private boolean acked;
    private boolean hangupAfterAck;

    UasCall(SipCore core, SipRequest invite, InviteServerTransaction transaction, Source source) {
        super(core, invite.callId(), SipIds.newTag(), source.transport(), new Authenticator(Optional.empty()));
        this.invite = invite;
        this.transaction = transaction;
        this.source = source;
        this.dialog = Dialog.asUas(invite, localTag, transport);
        this.localSdp = "";
        transaction.onCancel(localTag, this::onCancelled);
    }

    /** Hands the call to the application, on the call's executor (the 100 is already out). */
    void offer(InboundHandler handler) {
        emit(() -> {
            try {
                handler.onInvite(this);
            } catch (RuntimeException e) {
                reject(500, "Server Internal Error");
                throw e;
            }
        });
    }

    @Override
    public InetSocketAddress source() {
        return source.remote();
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Uri requestUri() {
        return invite.requestUri();
    }

    @Override
    public NameAddr from() {
        return invite.from();
    }

    @Override
    public NameAddr to() {
        return invite.to();
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public Optional<String> sdpOffer() {
        return MessageFactory.sdpOf(invite);
    }

    @Override
    public Optional<String> header(String name) {
        return invite.header(name);
    }

    @Override
    public void reject(int status, String reason) {
        reject(status, reason, List.of());
    }

    @Override
    public void reject(int status, String reason, List<SipHeader> headers) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("a rejection is 300..699, not " + status);
        }
        Objects.requireNonNull(reason, "reason");
        List<SipHeader> extra = List.copyOf(headers);
        core.loop().execute(() -> rejectNow(status, reason, extra));
    }

    @Override
    public void ringing() {
        core.loop().execute(() -> provisional(180, "Ringing", Optional.empty()));
    }

    @Override
    public void progress(String sdp) {
        Objects.requireNonNull(sdp, "sdp");
        core.loop().execute(() -> provisional(183, "Session Progress", Optional.of(sdp)));
    }

    @Override
    public void answer(String sdpAnswer) {
        Objects.requireNonNull(sdpAnswer, "sdpAnswer");
        core.loop().execute(() -> {
            if (ended || finalSent) {
                return;
            }
            finalSent = true;
            confirmed = true;
            respondWithAnswer(transaction, sdpAnswer, true);
        });
    }

    @Override
    public void hangup() {
        core.loop().execute(() -> {
            if (ended) {
                return;
            }
            if (!finalSent) {
                rejectNow(603, "Decline", List.of());
            } else if (!acked) {
                hangupAfterAck = true;
            } else {
                sendBye();
            }
        });
    }

    @Override
    public CompletableFuture<String> reinvite(String sdpOffer) {
        return sendReinvite(sdpOffer);
    }

    @Override
    public void setListener(Listener newListener) {
        listener = Objects.requireNonNull(newListener, "listener");
    }

    private void provisional(int status, String reason, Optional<String> sdp) {
        if (ended || finalSent) {
            return;
        }
        early = true;
        sdp.ifPresent(s -> localSdp = s);
        transaction.respond(core.messages().dialogResponse(invite, status, reason, localTag, transport, sdp));
    }

    private void rejectNow(int status, String reason, List<SipHeader> extra) {
        if (ended || finalSent) {
            return;
        }
        finalSent = true;
        SipResponse response = core.messages().response(invite, status, reason, Optional.of(localTag));
        var headers = response.headers();
        for (SipHeader header : extra) {
            headers = headers.with(header.name(), header.value());
        }
        transaction.respond(response.withHeaders(headers));
        end();
    }

    /** CANCEL matched our INVITE before a final response (§9.2): 487, and the call is over. */
    private void onCancelled() {
        if (ended || finalSent) {
            return;
        }
        finalSent = true;
        transaction.respond(core.messages().response(invite, 487, "Request Terminated", Optional.of(localTag)));
        end();
        emit(() -> listener.onCancelled());
    }

    @Override
    void onRemoteBye(SipRequest bye) {
        if (!finalSent) {
            // BYE on the early dialog (§15): the INVITE is over too.
            finalSent = true;
            transaction.respond(core.messages().response(invite, 487, "Request Terminated", Optional.of(localTag)));
        }
        emit(() -> listener.onRemoteHangup());
    }

    @Override
    CompletableFuture<String> reinviteOffered(String sdp) {
        return listener.onReinvite(sdp);
    }

    @Override
    void onAnswerAcked(boolean initial) {
        if (!initial) {
            return;
        }
        acked = true;
        emit(() -> listener.onAcked());
        if (hangupAfterAck) {
            sendBye();
        }
    }

    @Override
    void onAnswerAckTimeout(boolean initial) {
        sendBye();
        emit(() -> listener.onAckTimeout());
    }

    @Override
    void shutdown() {
        if (!ended && !finalSent) {
            finalSent = true;
            transaction.respond(core.messages().response(invite, 503, "Service Unavailable", Optional.of(localTag)));
        }
        super.shutdown();
    }

    @Override
    void onDialogLost() {
        emit(() -> listener.onRemoteHangup());
    }
}
