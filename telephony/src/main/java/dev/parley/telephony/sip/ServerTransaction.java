package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.Via;
import java.net.InetSocketAddress;

/**
 * A server transaction (RFC 3261 §17.2): absorbs retransmitted requests by re-sending the
 * last response, and sends responses where §18.2.2 and RFC 3581 say: back on the TCP
 * connection, or over UDP to the source address, at the source port when the client asked
 * with {@code rport}, else at its Via port. Matched by branch, sent-by and method (§17.2.3).
 */
abstract sealed class ServerTransaction extends Transaction permits InviteServerTransaction,
        NonInviteServerTransaction {

    final SipRequest request;
    final Source source;
    private final InetSocketAddress responseAddress;
    private byte[] lastResponse = new byte[0];

    ServerTransaction(SipCore core, SipRequest request, Source source) {
        super(core, key(request), source.transport());
        this.request = request;
        this.source = source;
        this.responseAddress = responseAddress(request.topVia(), source);
    }

    static ServerTransaction create(SipCore core, SipRequest request, Source source) {
        ServerTransaction transaction = request.is("INVITE") ? new InviteServerTransaction(core, request, source)
                : new NonInviteServerTransaction(core, request, source);
        core.transactions().add(transaction);
        return transaction;
    }

    /** The key for {@code request}; an ACK gets its INVITE's key. */
    static String key(SipRequest request) {
        return key(request, request.is("ACK") ? "INVITE" : request.method());
    }

    /**
     * The §17.2.3 key with {@code method} in place of the request's (a CANCEL looks up its
     * INVITE). An RFC 2543 client without a magic-cookie branch is keyed by what identified a
     * transaction then: Call-ID, CSeq number, From tag and sent-by.
     */
    static String key(SipRequest request, String method) {
        Via top = request.topVia();
        String sentBy = top.host() + ":" + top.portOrDefault();
        if (top.hasRfc3261Branch()) {
            return top.branch().orElseThrow() + "|" + sentBy + "|" + method;
        }
        return "2543|" + request.callId() + "|" + request.cseq().sequence() + "|"
                + request.from().tag().orElse("") + "|" + sentBy + "|" + method;
    }

    static InetSocketAddress responseAddress(Via top, Source source) {
        int port = top.hasRport() || source.transport().isReliable() ? source.remote().getPort() : top.portOrDefault();
        return new InetSocketAddress(source.remote().getAddress(), port);
    }

    /** Sends a response; subclasses move their state first. */
    abstract void respond(SipResponse response);

    /** A retransmission of the request arrived. */
    abstract void onRetransmission();

    final void send(SipResponse response) {
        lastResponse = response.toBytes();
        sendLast();
    }

    final void sendLast() {
        if (lastResponse.length == 0) {
            return;
        }
        core.transports().send(transport, responseAddress, source.connection(), lastResponse, this::onTransportError);
    }

    final void resendLast() {
        core.counters().retransmissionsSent.increment();
        sendLast();
    }

    void onTransportError() {
        terminate();
    }
}
