package dev.parley.platform.signaling;

import dev.parley.platform.calllink.CallLinkGrant;
import dev.parley.platform.calllink.CallLinks;
import dev.parley.platform.calllink.Destination;
import dev.parley.platform.calls.CallLinkUse;
import dev.parley.platform.calls.ErrorCode;
import java.util.Optional;

/**
 * What a call-link token may do. The end user behind it is anonymous (anyone with the URL), so
 * the token is no general identity token: it calls the link's destination, and nothing else —
 * otherwise a shared link would let anyone call any identity or, worse, any phone number on
 * the account's trunk. Each attempt reads the link (blocking: database), so a link deleted or
 * expired since the token was minted stops working at once.
 */
final class CallLinkGuard implements CallLinkUse {

    private final CallLinks links;

    CallLinkGuard(CallLinks links) {
        this.links = links;
    }

    /** Why {@code message} is refused to a token minted for {@code linkId}; empty when it is the link's call. */
    Optional<ErrorCode.Info> refusal(String accountId, String linkId, ClientMessage message) {
        boolean startsCall = message instanceof ClientMessage.Call || message instanceof ClientMessage.CallPhone
                || message instanceof ClientMessage.CallSip || message instanceof ClientMessage.CallDynamic
                || message instanceof ClientMessage.JoinRoom;
        if (!startsCall) {
            return Optional.empty();
        }
        Optional<CallLinkGrant> grant = links.grant(accountId, linkId);
        if (grant.isEmpty()) {
            return Optional.of(ErrorCode.FORBIDDEN.info("this call link no longer exists"));
        }
        if (!grant.get().active()) {
            return Optional.of(ErrorCode.FORBIDDEN.info("this call link is " + grant.get().state()
                    .name().toLowerCase(java.util.Locale.ROOT)));
        }
        boolean itsDestination = switch (grant.get().destination()) {
            case Destination.Webrtc webrtc -> message instanceof ClientMessage.Call call
                    && call.to().equals(webrtc.identity());
            case Destination.Phone phone -> message instanceof ClientMessage.CallPhone call
                    && call.to().equals(phone.phoneNumber()) && phone.from().equals(call.from());
            case Destination.Room room -> message instanceof ClientMessage.JoinRoom join
                    && join.room().equals(room.roomName());
        };
        return itsDestination ? Optional.empty()
                : Optional.of(ErrorCode.FORBIDDEN.info("a call-link token calls its link's destination only"));
    }

    /** A one-time link is used up by the first call established through it; a second one ends. */
    @Override
    public boolean established(String accountId, String linkId) {
        return links.grant(accountId, linkId)
                .map(grant -> !grant.oneTime() || links.markUsed(accountId, linkId))
                .orElse(false);
    }
}
