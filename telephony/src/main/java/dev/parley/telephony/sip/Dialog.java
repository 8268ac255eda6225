package dev.parley.telephony.sip;

import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipMessage;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.SipUri;
import dev.parley.protocol.sip.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dialog state (RFC 3261 §12): Call-ID, tags, local and remote sequence numbers, the remote
 * target and the route set, from which every in-dialog request is built (§12.2.1.1).
 * Loop-confined and mutable: the remote target changes with target-refresh requests
 * (re-INVITE) and the local sequence grows with each request sent.
 */
final class Dialog {

    final String callId;
    final String localTag;
    final String remoteTag;
    /** Our From in requests we send: the From of a UAC, the To of a UAS, with our tag. */
    final NameAddr local;
    /** Their address with their tag. */
    final NameAddr remote;
    final List<NameAddr> routeSet;
    final Transport transport;
    private long localSeq;
    private long remoteSeq;
    private Uri remoteTarget;

    private Dialog(String callId, String localTag, String remoteTag, NameAddr local, NameAddr remote,
            List<NameAddr> routeSet, Transport transport, long localSeq, long remoteSeq, Uri remoteTarget) {
        this.callId = callId;
        this.localTag = localTag;
        this.remoteTag = remoteTag;
        this.local = local;
        this.remote = remote;
        this.routeSet = List.copyOf(routeSet);
        this.transport = transport;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.remoteTarget = remoteTarget;
    }

    /**
     * The UAC's dialog from a response with a To tag (§12.1.2): the route set is the
     * Record-Route in reverse, the remote target the response's Contact.
     */
    static Dialog asUac(SipRequest invite, SipResponse response, Transport transport) {
        List<NameAddr> routes = new ArrayList<>(response.recordRoutes());
        java.util.Collections.reverse(routes);
        Uri target = response.contact().map(NameAddr::uri).filter(SipUri.class::isInstance)
                .orElse(invite.requestUri());
        return new Dialog(invite.callId(), invite.from().tag().orElseThrow(), response.to().tag().orElseThrow(),
                invite.from(), response.to(), routes, transport, invite.cseq().sequence(), -1, target);
    }

    /** The UAS's dialog from the INVITE and our tag (§12.1.1): Record-Route in order, the INVITE's Contact. */
    static Dialog asUas(SipRequest invite, String localTag, Transport transport) {
        Uri target = invite.contact().map(NameAddr::uri).filter(SipUri.class::isInstance)
                .orElse(invite.from().uri());
        return new Dialog(invite.callId(), localTag, invite.from().tag().orElse(""), invite.to().withTag(localTag),
                invite.from(), invite.recordRoutes(), transport, 0, invite.cseq().sequence(), target);
    }

    /** The next local CSeq (§12.2.1.1: one more than the last). */
    long nextLocalSeq() {
        return ++localSeq;
    }

    long remoteSeq() {
        return remoteSeq;
    }

    /**
     * Checks and records a request's CSeq (§12.2.2): false when it is lower than or equal to
     * one already seen, which earns a 500.
     */
    boolean acceptRemoteSeq(long seq) {
        if (remoteSeq >= 0 && seq <= remoteSeq) {
            return false;
        }
        remoteSeq = seq;
        return true;
    }

    /** A target refresh (§12.2: re-INVITE, and its 2xx) may move the remote target. */
    void refreshTarget(SipMessage message) {
        message.contact().map(NameAddr::uri).filter(SipUri.class::isInstance).ifPresent(uri -> remoteTarget = uri);
    }

    Uri remoteTarget() {
        return remoteTarget;
    }

    private boolean strictRouting() {
        return !routeSet.isEmpty() && routeSet.getFirst().uri() instanceof SipUri first && !first.looseRouting();
    }

    /** §12.2.1.1: the remote target, or with a strict first route, that route. */
    Uri requestUri() {
        return strictRouting() ? ((SipUri) routeSet.getFirst().uri()).withoutHeaders() : remoteTarget;
    }

    /** §12.2.1.1: the route set; with a strict first route, the rest plus the remote target. */
    List<NameAddr> routeHeaders() {
        if (!strictRouting()) {
            return routeSet;
        }
        var routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
        routes.add(NameAddr.of(remoteTarget));
        return routes;
    }

    /**
     * Where in-dialog requests go (§8.1.2): the first route, else the remote target. A target
     * that is not a SIP URI (a tel: Contact, or an INVITE without Contact from a tel: caller)
     * cannot be reached; the request then fails like a transport error.
     */
    Target target() {
        Uri next = routeSet.isEmpty() ? remoteTarget : routeSet.getFirst().uri();
        try {
            return Target.of(next, transport);
        } catch (SipException notSip) {
            return new Target(transport, "invalid.", 9);
        }
    }

    Optional<String> remoteTagIfAny() {
        return remoteTag.isEmpty() ? Optional.empty() : Optional.of(remoteTag);
    }
}
