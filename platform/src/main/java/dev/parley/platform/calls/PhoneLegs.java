package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.telephony.Codec;
import dev.parley.platform.telephony.Trunk;
import dev.parley.platform.telephony.WebrtcAudio;
import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipUri;
import dev.parley.protocol.sip.TelUri;
import dev.parley.protocol.sip.Uri;
import dev.parley.telephony.sip.IncomingCall;
import dev.parley.telephony.sip.SipStack;
import dev.parley.telephony.sip.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes the phone legs of calls from a trunk's settings: where an INVITE goes and how it
 * authenticates, which codecs the RTP leg offers or accepts, and which codec browsers in the
 * same call publish in (the trunk's G.711 unless the trunk asks for Opus towards browsers).
 */
final class PhoneLegs {

    /** Who a call shows as its caller when a dynamic destination names no number (RFC 3323 §4.1.1.3). */
    static final String ANONYMOUS = "anonymous";

    private final SipStack sip;
    private final MediaServer media;

    PhoneLegs(SipStack sip, MediaServer media) {
        this.sip = sip;
        this.media = media;
    }

    /**
     * A leg that calls {@code number} (E.164) through {@code trunk}, showing {@code callerId}
     * (a number, or {@link #ANONYMOUS}) as the caller.
     */
    PhoneDevice dialNumber(String callId, Trunk trunk, String number, String callerId) {
        SipUri target = at(trunk, SipUri.of(number, trunk.host()));
        return dial(callId, trunk, target, number, PhoneDevice.Kind.PHONE, callerId);
    }

    /**
     * A leg that calls the SIP URI {@code uri} through {@code trunk} (whose host it names); a URI
     * without a port takes the trunk's.
     */
    PhoneDevice dialSip(String callId, Trunk trunk, SipUri uri, String callerUser) {
        SipUri target = uri.port().isPresent() ? uri.withoutHeaders() : at(trunk, uri.withoutHeaders());
        return dial(callId, trunk, target, uri.withoutHeaders().write(), PhoneDevice.Kind.SIP, callerUser);
    }

    private PhoneDevice dial(String callId, Trunk trunk, SipUri target, String identity, PhoneDevice.Kind kind,
                             String callerUser) {
        var device = new PhoneDevice("sip-out-" + callId, trunk.accountId(), identity, Optional.empty(), kind);
        String user = callerUser.isEmpty() ? ANONYMOUS : callerUser;
        // A withheld caller is From: "Anonymous" <sip:anonymous@anonymous.invalid> (RFC 3323).
        NameAddr from = user.equals(ANONYMOUS)
                ? NameAddr.of("Anonymous", SipUri.of(ANONYMOUS, "anonymous.invalid"))
                : NameAddr.of(SipUri.of(user, sip.advertisedHost()));
        Optional<DigestCredentials> credentials = trunk.username()
                .map(username -> new DigestCredentials(username, trunk.password().orElse("")));
        var dial = new OutboundLeg.Dial(target, transport(trunk), from, NameAddr.of(target.withoutHeaders()), credentials);
        new OutboundLeg(device, sip, dial, media, rtpOptions(trunk), browserAudioCodecs(trunk));
        return device;
    }

    /** The leg of a phone that called one of the account's numbers through {@code trunk}. */
    PhoneDevice answer(IncomingCall call, String accountId, String caller, Trunk trunk) {
        var device = new PhoneDevice("sip-in-" + call.callId(), accountId, caller, call.from().displayName(),
                call.from().uri() instanceof SipUri sipUri && sipUri.user().filter(PhoneLegs::isNumber).isEmpty()
                        ? PhoneDevice.Kind.SIP : PhoneDevice.Kind.PHONE);
        new InboundLeg(device, call, media, rtpOptions(trunk), browserAudioCodecs(trunk));
        return device;
    }

    private static SipUri at(Trunk trunk, SipUri uri) {
        SipUri target = uri.withHostPort(trunk.host(), trunk.port());
        return trunk.transport() == dev.parley.platform.telephony.Transport.TCP
                ? target.withParams(target.params().with("transport", "tcp")) : target;
    }

    private static Transport transport(Trunk trunk) {
        return trunk.transport() == dev.parley.platform.telephony.Transport.TCP ? Transport.TCP : Transport.UDP;
    }

    /** The trunk's codecs, in its order, for the RTP leg; the room hears Opus when browsers take Opus. */
    static MediaServer.RtpOptions rtpOptions(Trunk trunk) {
        return new MediaServer.RtpOptions(trunk.codecs().stream().map(Codec::name).toList(),
                trunk.webrtcAudio() == WebrtcAudio.OPUS);
    }

    /** G.711 end to end (the trunk's G.711 codecs, in its order) unless the trunk asks for Opus towards browsers. */
    static List<String> browserAudioCodecs(Trunk trunk) {
        return trunk.webrtcAudio() == WebrtcAudio.OPUS ? List.of()
                : trunk.codecs().stream().filter(Codec::isG711).map(Codec::name).toList();
    }

    /**
     * The phone number a SIP or tel URI names, as E.164: {@code sip:+441632960001@host},
     * {@code sip:441632960001@host;user=phone} and {@code tel:+441632960001} all give
     * {@code +441632960001}. Empty for a user part that is no number.
     */
    static Optional<String> numberOf(Uri uri) {
        Optional<String> user = switch (uri) {
            case SipUri sipUri -> sipUri.user();
            case TelUri tel -> Optional.of(tel.number());
            default -> Optional.empty();
        };
        return user.map(u -> u.replaceAll("[\\-.()]", "")).filter(PhoneLegs::isNumber)
                .map(u -> u.startsWith("+") ? u : "+" + u)
                .filter(dev.parley.platform.telephony.E164::isValid);
    }

    /** A caller as Parley shows it: its number in E.164, else its SIP URI (no parameters), else anonymous. */
    static String callerOf(NameAddr from) {
        return numberOf(from.uri()).orElseGet(() -> from.uri() instanceof SipUri sipUri && sipUri.user().isPresent()
                ? new SipUri(sipUri.secure(), sipUri.user(), Optional.empty(), sipUri.host().toLowerCase(Locale.ROOT),
                        java.util.OptionalInt.empty(), dev.parley.protocol.sip.Parameters.NONE,
                        dev.parley.protocol.sip.Parameters.NONE).write()
                : ANONYMOUS);
    }

    /** {@code name} as the user part of a From URI, or {@link #ANONYMOUS} when it cannot be one (RFC 3261 §25.1). */
    static String sipUser(String name) {
        try {
            SipUri.of(name, "parley.invalid");
            return name;
        } catch (IllegalArgumentException e) {
            return ANONYMOUS;
        }
    }

    private static boolean isNumber(String user) {
        return user.matches("\\+?[0-9\\-.()]{2,20}");
    }
}
