package dev.parley.telephony.sip;

import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.HeaderNames;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.SipUri;
import java.util.List;
import java.util.Optional;

/**
 * One OPTIONS request outside any dialog (RFC 3261 §11), to probe a peer, answering a digest
 * challenge once when credentials are given. The result says
 * whether the final status came from the peer or stands in for a timeout (408) or a transport
 * error (503): any response at all proves the peer is there.
 */
final class OptionsPing implements ClientTransaction.ClientTu {

    /** The outcome of one OPTIONS. */
    record Result(int status, boolean fromPeer) {
    }

    interface Done {
        void done(Result result);
    }

    private final SipCore core;
    private final Target target;
    private final Authenticator auth;
    private final Done done;

    private OptionsPing(SipCore core, Target target, Authenticator auth, Done done) {
        this.core = core;
        this.target = target;
        this.auth = auth;
        this.done = done;
    }

    /** On the loop: sends OPTIONS to {@code target}, answering a 401 or 407 with {@code credentials}. */
    static void send(SipCore core, SipUri target, Transport transport, Optional<DigestCredentials> credentials,
            Done done) {
        MessageFactory messages = core.messages();
        NameAddr from = NameAddr.of(SipUri.of("parley", messages.host())).withTag(SipIds.newTag());
        SipRequest options = messages.request("OPTIONS", target, from, NameAddr.of(target), SipIds.newCallId(), 1,
                transport, List.of(new SipHeader(HeaderNames.ACCEPT, MessageFactory.ACCEPT)), Optional.empty());
        Target to = Target.of(target, transport);
        ClientTransaction.start(core, options, to, new OptionsPing(core, to, new Authenticator(credentials), done));
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
        if (!response.isFinal()) {
            return;
        }
        Optional<SipHeader> answer = auth.answer(response, transaction.request);
        if (answer.isPresent()) {
            ClientTransaction.start(core, core.messages().retry(transaction.request, answer.get()), target, this);
            return;
        }
        done.done(new Result(response.status(), true));
    }

    @Override
    public void onFailure(ClientTransaction transaction, int status, String reason) {
        done.done(new Result(status, false));
    }
}
