package dev.parley.telephony.sip;

import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.Uri;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A call we place (the UAC core, RFC 3261 §13.2): sends the INVITE, surfaces provisional
 * responses and early media, ACKs the 2xx, retries once per challenge with credentials (same
 * Call-ID and From tag, CSeq + 1, §22.2), CANCELs once a provisional came (§9.1), and ends
 * a 200 that crossed our CANCEL with ACK and BYE. A 2xx from a second fork is ACKed and
 * BYEd (§13.2.2.4).
 */
final class UacCall extends CallSession implements OutgoingCall {

    private static final ClientTransaction.ClientTu IGNORE = new ClientTransaction.ClientTu() {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onFailure(ClientTransaction transaction, int status, String reason) {
        }
    };

    private final OutgoingInvite invite;
    private final Listener listener;
    private final InviteTu inviteTu = new InviteTu();
    private SipRequest currentInvite;
    private ClientTransaction inviteTransaction;
    private Target target;
    private boolean provisionalSeen;
    private boolean cancelRequested;
    private boolean cancelSent;

    UacCall(SipCore core, OutgoingInvite invite, Listener listener) {
        super(core, SipIds.newCallId(), SipIds.newTag(), transportOf(invite), new Authenticator(invite.credentials()));
        this.invite = invite;
        this.listener = listener;
    }

    private static Transport transportOf(OutgoingInvite invite) {
        return Target.of(invite.requestUri(), invite.transport()).transport();
    }

    /** On the loop: registers the call and sends the INVITE. */
    void start() {
        currentInvite = core.messages().request("INVITE", invite.requestUri(), invite.from().withTag(localTag),
                invite.to(), callId, 1, transport, invite.extraHeaders(), Optional.of(invite.sdpOffer()));
        localSdp = invite.sdpOffer();
        target = Target.of(firstRoute(currentInvite).orElse(invite.requestUri()), transport);
        core.calls().add(this);
        inviteTransaction = ClientTransaction.start(core, currentInvite, target, inviteTu);
    }

    /** §8.1.2: a preloaded Route sends the request to its first entry. */
    private static Optional<Uri> firstRoute(SipRequest request) {
        return request.routes().stream().findFirst().map(NameAddr::uri);
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public void cancel() {
        core.loop().execute(this::requestCancel);
    }

    @Override
    public void hangup() {
        core.loop().execute(() -> {
            if (confirmed && !ended) {
                sendBye();
            } else {
                requestCancel();
            }
        });
    }

    @Override
    public CompletableFuture<String> reinvite(String sdpOffer) {
        return sendReinvite(sdpOffer);
    }

    private void requestCancel() {
        if (ended || confirmed) {
            return;
        }
        cancelRequested = true;
        if (provisionalSeen && !cancelSent) {
            sendCancel();
        }
    }

    private void sendCancel() {
        cancelSent = true;
        ClientTransaction.start(core, core.messages().cancel(currentInvite), target, IGNORE);
        // §9.1: without a final response to the INVITE within 64*T1 of the CANCEL, give up on it.
        after(core.settings().timers().timeout(), () -> {
            if (!confirmed) {
                inviteTransaction.terminate();
                end();
                emit(() -> listener.onFailed(408, "Request Timeout"));
            }
        });
    }

    /** Responses to our INVITE (every attempt of it). */
    private final class InviteTu implements ClientTransaction.ClientTu {

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            if (transaction.request != currentInvite || response.isSuccess()) {
                if (response.isSuccess()) {
                    on2xx(transaction.request, response);
                }
                return;
            }
            if (response.isProvisional()) {
                onProvisional(response);
            } else {
                onFailureResponse(response);
            }
        }

        @Override
        public void onFailure(ClientTransaction transaction, int status, String reason) {
            if (transaction.request != currentInvite || ended || confirmed) {
                return;
            }
            end();
            emit(() -> listener.onFailed(status, reason));
        }
    }

    private void onProvisional(SipResponse response) {
        if (ended || response.status() == 100) {
            return;
        }
        provisionalSeen = true;
        if (response.to().tag().isPresent() && !confirmed) {
            dialog = Dialog.asUac(currentInvite, response, transport);
            early = true;
        }
        if (cancelRequested && !cancelSent) {
            sendCancel();
        }
        Optional<String> sdp = MessageFactory.sdpOf(response);
        emit(() -> listener.onProgress(response.status(), response.reason(), sdp));
    }

    private void on2xx(SipRequest answered, SipResponse response) {
        Optional<String> tag = response.to().tag();
        if (tag.isEmpty()) {
            core.counters().strayResponses.increment();
            return;
        }
        if (confirmed) {
            if (tag.get().equals(dialog.remoteTag)) {
                resendAck(response.cseq().sequence());
            } else {
                ackAndByeFork(answered, response);
            }
            return;
        }
        if (ended) {
            // We gave up on the INVITE (timeout after CANCEL) and a 2xx came anyway.
            ackAndByeFork(answered, response);
            return;
        }
        dialog = Dialog.asUac(answered, response, transport);
        confirmed = true;
        sendAck(dialog, answered);
        if (cancelRequested) {
            // The 200 crossed our CANCEL: the call is up, so it ends the normal way.
            sendBye();
            emit(() -> listener.onFailed(487, "Request Terminated"));
            return;
        }
        String sdp = MessageFactory.sdpOf(response).orElse("");
        emit(() -> listener.onAnswered(sdp));
    }

    private void onFailureResponse(SipResponse response) {
        if (ended) {
            return;
        }
        if (Authenticator.isChallenge(response) && !cancelRequested) {
            Optional<SipHeader> credentials = auth.answer(response, currentInvite);
            if (credentials.isPresent()) {
                retryWith(credentials.get());
                return;
            }
        }
        end();
        emit(() -> listener.onFailed(response.status(), response.reason()));
    }

    /** §22.2: the same INVITE with credentials, CSeq + 1 and a new branch. */
    private void retryWith(SipHeader credentials) {
        currentInvite = core.messages().retry(currentInvite, credentials);
        provisionalSeen = false;
        early = false;
        dialog = null;
        inviteTransaction = ClientTransaction.start(core, currentInvite, target, inviteTu);
    }

    private void ackAndByeFork(SipRequest answered, SipResponse response) {
        Dialog fork = Dialog.asUac(answered, response, transport);
        sendAck(fork, answered);
        sendBye(fork, List.of(), false);
    }

    @Override
    void onStray2xx(SipResponse response) {
        if (dialog != null && confirmed && response.to().tag().orElse("").equals(dialog.remoteTag)) {
            resendAck(response.cseq().sequence());
        } else if (currentInvite != null && response.to().tag().isPresent()) {
            ackAndByeFork(currentInvite, response);
        }
    }

    @Override
    void onRemoteBye(SipRequest bye) {
        emit(listener::onRemoteHangup);
    }

    @Override
    CompletableFuture<String> reinviteOffered(String sdp) {
        return listener.onReinvite(sdp);
    }

    @Override
    void onAnswerAcked(boolean initial) {
    }

    @Override
    void onAnswerAckTimeout(boolean initial) {
        sendBye();
        emit(listener::onRemoteHangup);
    }

    @Override
    void shutdown() {
        if (!ended && !confirmed && provisionalSeen) {
            core.transports().send(target, core.messages().cancel(currentInvite).toBytes(), () -> { });
        }
        super.shutdown();
    }

    @Override
    void onDialogLost() {
        emit(listener::onRemoteHangup);
    }
}
