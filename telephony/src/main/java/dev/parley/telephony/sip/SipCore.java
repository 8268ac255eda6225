package dev.parley.telephony.sip;

import dev.parley.protocol.sip.HeaderNames;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipMessage;
import dev.parley.protocol.sip.SipParseResult;
import dev.parley.protocol.sip.SipParser;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.Via;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Where every received message goes (RFC 3261 §8.2, §17, §18.2.1): parse on the I/O thread,
 * then on the loop match transactions first, then dialogs, then treat it as new. Holds the
 * parts that transactions and calls share.
 */
final class SipCore {

    private final SipSettings settings;
    private final SipLoop loop;
    private final Counters counters;
    private final ExecutorService listenerThreads;
    private final InboundHandler handler;
    private final TransactionTable transactions = new TransactionTable();
    private final CallRegistry calls = new CallRegistry();
    private Transports transports;
    private MessageFactory messages;

    SipCore(SipSettings settings, SipLoop loop, Counters counters, ExecutorService listenerThreads,
            InboundHandler handler) {
        this.settings = settings;
        this.loop = loop;
        this.counters = counters;
        this.listenerThreads = listenerThreads;
        this.handler = handler;
    }

    void attach(Transports boundTransports, MessageFactory factory) {
        this.transports = boundTransports;
        this.messages = factory;
    }

    SipSettings settings() {
        return settings;
    }

    SipLoop loop() {
        return loop;
    }

    Counters counters() {
        return counters;
    }

    Transports transports() {
        return transports;
    }

    MessageFactory messages() {
        return messages;
    }

    TransactionTable transactions() {
        return transactions;
    }

    CallRegistry calls() {
        return calls;
    }

    /** A serial executor for one call's (or keep-alive's) listener, on the shared virtual threads. */
    SerialExecutor newEvents() {
        return new SerialExecutor(listenerThreads);
    }

    /** Bytes of one message, on an I/O thread: parse here, act on the loop. */
    void onBytes(byte[] bytes, Source source) {
        counters.received.increment();
        SipParseResult result = SipParser.parseDetailed(bytes);
        switch (result) {
            case SipParseResult.Parsed parsed -> loop.execute(() -> onMessage(parsed.message(), source));
            case SipParseResult.Refused refused -> {
                counters.malformedDropped.increment();
                refused.reply().ifPresent(reply -> loop.execute(() -> {
                    counters.badRequests.increment();
                    sendStateless(reply, source);
                }));
            }
        }
    }

    void onMessage(SipMessage message, Source source) {
        switch (message) {
            case SipRequest request -> onRequest(withReceived(request, source), source);
            case SipResponse response -> onResponse(response);
        }
    }

    private void onResponse(SipResponse response) {
        Optional<String> branch = response.topVia().branch();
        Optional<ClientTransaction> transaction = branch.flatMap(
                b -> transactions.client(ClientTransaction.key(b, response.cseq().method())));
        if (transaction.isPresent()) {
            transaction.get().onResponse(response);
            return;
        }
        // A 2xx to an INVITE outlives its transaction (§13.2.2.4): the call re-sends its ACK.
        if (response.isSuccess() && response.cseq().method().equals("INVITE")) {
            Optional<CallSession> call = calls.find(response.callId(), response.from().tag());
            if (call.isPresent()) {
                call.get().onStray2xx(response);
                return;
            }
        }
        counters.strayResponses.increment();
    }

    private void onRequest(SipRequest request, Source source) {
        if (request.is("ACK")) {
            onAck(request);
            return;
        }
        Optional<ServerTransaction> existing = transactions.server(ServerTransaction.key(request));
        if (existing.isPresent()) {
            existing.get().onRetransmission();
            return;
        }
        ServerTransaction transaction = ServerTransaction.create(this, request, source);
        Optional<SipResponse> refusal = InboundRules.check(request, messages);
        if (refusal.isPresent()) {
            transaction.respond(refusal.get());
            return;
        }
        if (request.is("CANCEL")) {
            onCancel(request, transaction);
        } else if (request.to().tag().isPresent()) {
            Optional<CallSession> call = calls.find(request.callId(), request.to().tag());
            if (call.isPresent()) {
                call.get().onRequest(request, transaction);
            } else {
                transaction.respond(messages.response(request, 481, "Call/Transaction Does Not Exist",
                        Optional.empty()));
            }
        } else if (request.is("INVITE")) {
            onNewInvite(request, (InviteServerTransaction) transaction, source);
        } else if (request.is("OPTIONS")) {
            transaction.respond(messages.optionsOk(request, Optional.of(SipIds.newTag())));
        } else {
            // BYE outside any dialog (§15.1.2).
            transaction.respond(messages.response(request, 481, "Call/Transaction Does Not Exist",
                    Optional.of(SipIds.newTag())));
        }
    }

    /** ACK for a non-2xx goes to the INVITE's transaction; ACK for a 2xx to the dialog (§17.2.3, §13.3.1.4). */
    private void onAck(SipRequest ack) {
        Optional<ServerTransaction> invite = transactions.server(ServerTransaction.key(ack));
        if (invite.isPresent() && invite.get() instanceof InviteServerTransaction ist && ist.isCompleted()) {
            ist.onAck();
            return;
        }
        calls.find(ack.callId(), ack.to().tag()).ifPresent(call -> call.onAck(ack));
    }

    /** CANCEL (§9.2): 200 to the CANCEL, then the INVITE's call answers 487 if it still can; 481 when nothing matches. */
    private void onCancel(SipRequest cancel, ServerTransaction transaction) {
        Optional<ServerTransaction> invite = transactions.server(ServerTransaction.key(cancel, "INVITE"));
        if (invite.isEmpty() || !(invite.get() instanceof InviteServerTransaction ist)) {
            transaction.respond(messages.response(cancel, 481, "Call/Transaction Does Not Exist",
                    Optional.of(SipIds.newTag())));
            return;
        }
        transaction.respond(messages.response(cancel, 200, "OK", ist.localTag().or(() -> Optional.of(
                SipIds.newTag()))));
        ist.cancel();
    }

    private void onNewInvite(SipRequest invite, InviteServerTransaction transaction, Source source) {
        transaction.respond(messages.response(invite, 100, "Trying", Optional.empty()));
        UasCall call = new UasCall(this, invite, transaction, source);
        calls.add(call);
        call.offer(handler);
    }

    /** A response outside any transaction (400 to a malformed request): to the source, as §18.2.2 would route it. */
    private void sendStateless(SipResponse response, Source source) {
        Via top = response.topVia();
        InetSocketAddress address = ServerTransaction.responseAddress(top, source);
        transports.send(source.transport(), address, source.connection(), response.toBytes(), () -> { });
    }

    /**
     * §18.2.1 and RFC 3581 §4: the server notes where a request really came from in the top
     * Via ({@code received} when the address differs, {@code rport} when asked), which is
     * where the response then goes.
     */
    private static SipRequest withReceived(SipRequest request, Source source) {
        Via top = request.topVia();
        String address = source.remote().getAddress().getHostAddress();
        Via updated = top;
        if (!stripBrackets(top.host()).equals(address)) {
            updated = updated.withReceived(address);
        }
        if (top.hasRport()) {
            updated = updated.withRport(source.remote().getPort());
        }
        if (updated == top) {
            return request;
        }
        return request.withHeaders(request.headers().replaceFirst(HeaderNames.VIA, updated.write()));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
