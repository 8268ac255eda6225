package dev.parley.platform.recording;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.telephony.E164;
import dev.parley.platform.token.IdentityTokenRequest;
import java.util.Objects;

/**
 * Someone recorded: an end user of the account's apps (their identity), a phone (an E.164
 * number) or a SIP endpoint (its URI). Recordings can be found by identity and by phone number.
 */
public record Participant(Kind kind, String address) {

    public enum Kind {
        IDENTITY,
        PHONE_NUMBER,
        SIP_URI
    }

    /** The longest SIP URI kept; longer ones are refused rather than cut. */
    static final int MAX_SIP_URI = 512;

    public Participant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        switch (kind) {
            case IDENTITY -> {
                if (!IdentityTokenRequest.IDENTITY.matcher(address).matches()) {
                    throw new InvalidInput("participant", "an identity must be 3 to 64 letters, digits or _ . - + = /");
                }
            }
            case PHONE_NUMBER -> E164.require("participant", address);
            case SIP_URI -> {
                if (!(address.startsWith("sip:") || address.startsWith("sips:")) || address.length() > MAX_SIP_URI
                        || address.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                    throw new InvalidInput("participant", "a SIP URI must start with sip: or sips:, without spaces, "
                            + "at most " + MAX_SIP_URI + " characters");
                }
            }
        }
    }

    public static Participant identity(String identity) {
        return new Participant(Kind.IDENTITY, identity);
    }

    public static Participant phoneNumber(String number) {
        return new Participant(Kind.PHONE_NUMBER, number);
    }

    public static Participant sipUri(String uri) {
        return new Participant(Kind.SIP_URI, uri);
    }
}
