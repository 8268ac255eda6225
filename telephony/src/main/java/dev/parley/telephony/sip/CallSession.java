package dev.parley.telephony.sip;

import dev.parley.protocol.sip.HeaderNames;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a call does once it has a dialog, whichever side started it (RFC 3261 §12-§15):
 * answer BYE, send BYE, re-INVITE both ways with glare handling (§14), retransmit our 2xx
 * until its ACK (§13.3.1.4), re-send our ACK when a 2xx comes again (§13.2.2.4), answer
 * digest challenges. Loop-confined; listeners run on {@link #events}.
 */
abstract sealed class CallSession permits UacCall, UasCall {

    /** How often a re-INVITE that met another INVITE (491, §14.1) is tried again before failing with 491. */
    static final int MAX_GLARE_RETRIES = 3;

    final SipCore core;
    final String callId;
    final String localTag;
    final Transport transport;
    final SerialExecutor events;
    final Authenticator auth;
    Dialog dialog;
    /** A 1xx with our or their tag was seen or sent: an early dialog exists. */
    boolean early;
    boolean confirmed;
    boolean ended;
    /** The last SDP we sent, offered again for an offer-less re-INVITE. */
    String localSdp = "";
    private final Map<Long, byte[]> acks = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 4;
        }
    };
    private final List<SipLoop.Timer> timers = new ArrayList<>();
    private InviteServerTransaction incomingReinvite;
    private AnswerResender answer;
    private OutgoingReinvite outgoing;

    /** Our re-INVITE in flight. */
    private record OutgoingReinvite(CompletableFuture<String> result, String sdp, int glareRetries,
            SipRequest request) {
    }

    CallSession(SipCore core, String callId, String localTag, Transport transport, Authenticator auth) {
        this.core = core;
        this.callId = callId;
        this.localTag = localTag;
        this.transport = transport;
        this.auth = auth;
        this.events = core.newEvents();
    }

    /** The far end hung up with a BYE, already answered with 200. */
    abstract void onRemoteBye(SipRequest bye);

    /** The far end offers {@code sdp} in a re-INVITE; called on {@link #events}. */
    abstract CompletableFuture<String> reinviteOffered(String sdp);

    /** The ACK for our 2xx came; {@code initial} when the 2xx answered the dialog's first INVITE. */
    abstract void onAnswerAcked(boolean initial);

    /** No ACK for our 2xx within 64*T1: the session is ended with a BYE (§13.3.1.4). */
    abstract void onAnswerAckTimeout(boolean initial);

    /** The dialog vanished under a re-INVITE (481, RFC 5057): the call is over. */
    abstract void onDialogLost();

    boolean hasDialog() {
        return (early || confirmed) && !ended;
    }

    void emit(Runnable listenerCall) {
        events.execute(listenerCall);
    }

    void after(Duration delay, Runnable task) {
        timers.add(core.loop().schedule(delay, () -> {
            if (!ended) {
                task.run();
            }
        }));
    }

    /** A request within the dialog (its To tag is ours). */
    final void onRequest(SipRequest request, ServerTransaction transaction) {
        MessageFactory messages = core.messages();
        if (dialog == null || ended || !request.from().tag().orElse("").equals(dialog.remoteTag)) {
            transaction.respond(messages.response(request, 481, "Call/Transaction Does Not Exist", Optional.empty()));
            return;
        }
        if (!dialog.acceptRemoteSeq(request.cseq().sequence())) {
            transaction.respond(messages.response(request, 500, "Server Internal Error", Optional.empty()));
            return;
        }
        switch (request.method()) {
            case "BYE" -> {
                transaction.respond(messages.response(request, 200, "OK", Optional.empty()));
                onRemoteBye(request);
                end();
            }
            case "INVITE" -> onReinvite(request, (InviteServerTransaction) transaction);
            case "OPTIONS" -> transaction.respond(messages.optionsOk(request, Optional.empty()));
            default -> transaction.respond(messages.response(request, 405, "Method Not Allowed", Optional.empty()));
        }
    }

    /** An ACK for a 2xx of ours (a new transaction, matched by dialog, §13.3.1.4). */
    final void onAck(SipRequest ack) {
        if (answer != null && ack.cseq().sequence() == answer.cseq) {
            boolean initial = answer.initial;
            answer.stop();
            answer = null;
            onAnswerAcked(initial);
        } else {
            core.counters().retransmissionsReceived.increment();
        }
    }

    /** A 2xx to our INVITE that no transaction holds any more. */
    void onStray2xx(SipResponse response) {
        resendAck(response.cseq().sequence());
    }

    /** Re-sends the ACK for the 2xx to the INVITE with sequence {@code cseq}, if we sent one. */
    final void resendAck(long cseq) {
        byte[] ack = acks.get(cseq);
        if (ack != null && dialog != null) {
            core.counters().retransmissionsReceived.increment();
            core.transports().send(dialog.target(), ack, () -> { });
        }
    }

    /** Sends the ACK for a 2xx answering {@code invite} on {@code onDialog}, remembering it for retransmitted 2xx. */
    final void sendAck(Dialog onDialog, SipRequest invite) {
        byte[] ack = core.messages().ackFor2xx(onDialog, invite).toBytes();
        if (onDialog == dialog) {
            acks.put(invite.cseq().sequence(), ack);
        }
        core.transports().send(onDialog.target(), ack, () -> { });
    }

    /** Answers the INVITE of {@code transaction} with 200 and {@code sdp}, retransmitted until the ACK. */
    final void respondWithAnswer(InviteServerTransaction transaction, String sdp, boolean initial) {
        localSdp = sdp;
        transaction.respond(core.messages().dialogResponse(transaction.request, 200, "OK", localTag, transport,
                Optional.of(sdp)));
        answer = new AnswerResender(transaction, transaction.request.cseq().sequence(), initial);
    }

    /** Sends BYE and ends the call at once; the BYE's transaction finishes on its own, answering one challenge. */
    final void sendBye() {
        if (dialog == null || ended) {
            return;
        }
        Dialog onDialog = dialog;
        end();
        sendBye(onDialog, List.of(), true);
    }

    final void sendBye(Dialog onDialog, List<SipHeader> credentials, boolean mayRetry) {
        SipRequest bye = core.messages().inDialog(onDialog, "BYE", onDialog.nextLocalSeq(), credentials,
                Optional.empty());
        ClientTransaction.start(core, bye, onDialog.target(), new ClientTransaction.ClientTu() {
            @Override
            public void onResponse(ClientTransaction transaction, SipResponse response) {
                if (mayRetry && Authenticator.isChallenge(response)) {
                    auth.answer(response, bye).ifPresent(header -> sendBye(onDialog, List.of(header), false));
                }
            }

            @Override
            public void onFailure(ClientTransaction transaction, int status, String reason) {
                // The call has ended for us either way.
            }
        });
    }

    /** Sends a re-INVITE with {@code sdp}; the future gets the far end's answer or a {@link SipException}. */
    final CompletableFuture<String> sendReinvite(String sdp) {
        var result = new CompletableFuture<String>();
        core.loop().execute(() -> startReinvite(result, sdp, 0, List.of()));
        return result;
    }

    private void startReinvite(CompletableFuture<String> result, String sdp, int glareRetries,
            List<SipHeader> credentials) {
        if (ended || !confirmed || dialog == null) {
            result.completeExceptionally(new SipException(481, "Call/Transaction Does Not Exist"));
            return;
        }
        if (outgoing != null || incomingReinvite != null || answer != null) {
            // §14.1: no new INVITE while another INVITE transaction is under way in either direction;
            // like a 491 from the far end, wait and try again.
            if (glareRetries < MAX_GLARE_RETRIES) {
                after(glareDelay(), () -> startReinvite(result, sdp, glareRetries + 1, credentials));
            } else {
                result.completeExceptionally(new SipException(491, "Request Pending"));
            }
            return;
        }
        SipRequest request = core.messages().inDialog(dialog, "INVITE", dialog.nextLocalSeq(), credentials,
                Optional.of(sdp));
        outgoing = new OutgoingReinvite(result, sdp, glareRetries, request);
        ClientTransaction.start(core, request, dialog.target(), new ReinviteTu(request));
    }

    /** Responses to our re-INVITE. */
    private final class ReinviteTu implements ClientTransaction.ClientTu {

        private final SipRequest request;

        ReinviteTu(SipRequest request) {
            this.request = request;
        }

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            if (outgoing == null || outgoing.request() != request) {
                if (response.isSuccess()) {
                    resendAck(response.cseq().sequence());
                }
                return;
            }
            if (response.isProvisional()) {
                return;
            }
            OutgoingReinvite done = outgoing;
            outgoing = null;
            if (response.isSuccess()) {
                dialog.refreshTarget(response);
                sendAck(dialog, request);
                localSdp = done.sdp();
                done.result().complete(MessageFactory.sdpOf(response).orElse(""));
            } else if (Authenticator.isChallenge(response) && auth.answer(response, request).isPresent()) {
                startReinvite(done.result(), done.sdp(), done.glareRetries(),
                        List.of(auth.answer(response, request).orElseThrow()));
            } else if (response.status() == 491 && done.glareRetries() < MAX_GLARE_RETRIES) {
                after(glareDelay(), () -> startReinvite(done.result(), done.sdp(), done.glareRetries() + 1,
                        List.of()));
            } else {
                done.result().completeExceptionally(new SipException(response.status(), response.reason()));
                if (response.status() == 481) {
                    onDialogLost();
                    end();
                }
            }
        }

        @Override
        public void onFailure(ClientTransaction transaction, int status, String reason) {
            if (outgoing != null && outgoing.request() == request) {
                OutgoingReinvite done = outgoing;
                outgoing = null;
                done.result().completeExceptionally(new SipException(status, reason));
            }
        }
    }

    /**
     * §14.1: after a 491 wait 2.1-4 s when we own the Call-ID, else 0-2 s, so the two sides
     * stop colliding. Here in units of T1 (the same times at the default 500 ms).
     */
    private Duration glareDelay() {
        long t1 = core.settings().timers().t1().toMillis();
        boolean owner = this instanceof UacCall;
        double factor = owner ? ThreadLocalRandom.current().nextDouble(4.2, 8.0)
                : ThreadLocalRandom.current().nextDouble(0, 4.0);
        return Duration.ofMillis((long) (t1 * factor));
    }

    /** A re-INVITE from the far end (§14.2). */
    private void onReinvite(SipRequest request, InviteServerTransaction transaction) {
        MessageFactory messages = core.messages();
        if (!confirmed || outgoing != null) {
            transaction.respond(messages.response(request, 491, "Request Pending", Optional.empty()));
            return;
        }
        if (incomingReinvite != null || answer != null) {
            SipResponse busy = messages.response(request, 500, "Server Internal Error", Optional.empty());
            int retryAfter = ThreadLocalRandom.current().nextInt(0, 11);
            transaction.respond(busy.withHeaders(busy.headers().with(HeaderNames.RETRY_AFTER,
                    Integer.toString(retryAfter))));
            return;
        }
        dialog.refreshTarget(request);
        incomingReinvite = transaction;
        // The application may take a while: stop the caller's timer A now (§8.2.6.1).
        transaction.respond(messages.response(request, 100, "Trying", Optional.empty()));
        Optional<String> offer = MessageFactory.sdpOf(request);
        if (offer.isEmpty()) {
            // An offer-less re-INVITE: we offer the session as it is; the answer comes in the ACK.
            finishReinvite(transaction, localSdp, null);
            return;
        }
        after(core.settings().timers().timeout(), () -> finishReinvite(transaction, null,
                new SipException(408, "No answer from the application")));
        emit(() -> {
            CompletableFuture<String> future;
            try {
                future = reinviteOffered(offer.get());
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            future.whenComplete((sdp, error) -> core.loop().execute(() -> finishReinvite(transaction, sdp, error)));
        });
    }

    private void finishReinvite(InviteServerTransaction transaction, String sdp, Throwable error) {
        if (transaction != incomingReinvite || ended) {
            return;
        }
        incomingReinvite = null;
        if (error != null || sdp == null) {
            transaction.respond(core.messages().response(transaction.request, 488, "Not Acceptable Here",
                    Optional.empty()));
            return;
        }
        respondWithAnswer(transaction, sdp, false);
    }

    /** Ends the call: no more listener events, out of the registry; pending requests get their final answer. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        timers.forEach(SipLoop.Timer::cancel);
        timers.clear();
        if (answer != null) {
            answer.stop();
            answer = null;
        }
        if (outgoing != null) {
            outgoing.result().completeExceptionally(new SipException(481, "Call ended"));
            outgoing = null;
        }
        if (incomingReinvite != null) {
            // §15.1.2: requests still open in the dialog get 487 once it ends.
            incomingReinvite.respond(core.messages().response(incomingReinvite.request, 487, "Request Terminated",
                    Optional.empty()));
            incomingReinvite = null;
        }
        core.calls().remove(this);
    }

    /**
     * The stack is closing: a best-effort BYE for an established call (subclasses also close
     * calls still ringing), then gone without telling the listener.
     */
    void shutdown() {
        if (confirmed && !ended && dialog != null) {
            SipRequest bye = core.messages().inDialog(dialog, "BYE", dialog.nextLocalSeq(), List.of(),
                    Optional.empty());
            core.transports().send(dialog.target(), bye.toBytes(), () -> { });
        }
        end();
    }

    /** Retransmits our 2xx at T1, 2T1, ... up to T2 until its ACK, for at most 64*T1 (§13.3.1.4). */
    private final class AnswerResender {

        final long cseq;
        final boolean initial;
        private final InviteServerTransaction transaction;
        private final List<SipLoop.Timer> own = new ArrayList<>();
        private boolean stopped;

        AnswerResender(InviteServerTransaction transaction, long cseq, boolean initial) {
            this.transaction = transaction;
            this.cseq = cseq;
            this.initial = initial;
            SipTimers t = core.settings().timers();
            if (!transport.isReliable()) {
                schedule(t.t1());
            }
            own.add(core.loop().schedule(t.timeout(), this::giveUp));
        }

        private void schedule(Duration interval) {
            own.add(core.loop().schedule(interval, () -> {
                if (!stopped) {
                    transaction.resendLast();
                    schedule(core.settings().timers().backoff(interval));
                }
            }));
        }

        private void giveUp() {
            if (stopped) {
                return;
            }
            stop();
            answer = null;
            onAnswerAckTimeout(initial);
        }

        void stop() {
            stopped = true;
            own.forEach(SipLoop.Timer::cancel);
            own.clear();
        }
    }
}
