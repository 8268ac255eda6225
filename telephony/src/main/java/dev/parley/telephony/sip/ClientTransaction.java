package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;

/**
 * A client transaction (RFC 3261 §17.1): sends a request, retransmits it over UDP, passes
 * responses to its {@link ClientTu}, and stands in with 408 on a timeout and 503 on a
 * transport error. Matched by the top Via branch and the CSeq method (§17.1.3).
 */
abstract sealed class ClientTransaction extends Transaction permits InviteClientTransaction,
        NonInviteClientTransaction {

    /** The transaction user: a call, a BYE, an OPTIONS ping. Called on the loop. */
    interface ClientTu {
        void onResponse(ClientTransaction transaction, SipResponse response);

        /** A local failure: 408 when timer B or F fired, 503 when the transport failed. */
        void onFailure(ClientTransaction transaction, int status, String reason);
    }

    final SipRequest request;
    final Target target;
    final ClientTu tu;
    private final byte[] bytes;

    ClientTransaction(SipCore core, SipRequest request, Target target, ClientTu tu) {
        super(core, key(request.topVia().branch().orElseThrow(), request.cseq().method()), target.transport());
        this.request = request;
        this.target = target;
        this.tu = tu;
        this.bytes = request.toBytes();
    }

    static String key(String branch, String method) {
        return branch + "|" + method;
    }

    static ClientTransaction start(SipCore core, SipRequest request, Target target, ClientTu tu) {
        ClientTransaction transaction = request.is("INVITE") ? new InviteClientTransaction(core, request, target, tu)
                : new NonInviteClientTransaction(core, request, target, tu);
        core.transactions().add(transaction);
        transaction.begin();
        return transaction;
    }

    abstract void begin();

    abstract void onResponse(SipResponse response);

    final void send() {
        core.transports().send(target, bytes, this::onTransportError);
    }

    final void retransmit() {
        core.counters().retransmissionsSent.increment();
        send();
    }

    /** RFC 3261 §17.1.4: a transport failure ends the transaction with a 503 for its user. */
    void onTransportError() {
        if (isTerminated()) {
            return;
        }
        terminate();
        tu.onFailure(this, 503, "Service Unavailable");
    }

    void timeout() {
        terminate();
        tu.onFailure(this, 408, "Request Timeout");
    }
}
