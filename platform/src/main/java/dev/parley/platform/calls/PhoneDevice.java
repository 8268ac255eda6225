package dev.parley.platform.calls;

import dev.parley.platform.signaling.ServerMessage;
import java.util.Optional;

/**
 * A phone or SIP endpoint as calls and rooms see a party: a {@link Device} whose "messages"
 * become SIP (an incoming call that reaches it dials out, {@code call-established} answers the
 * INVITE, {@code call-ended} cancels, refuses or hangs up). So a call or room treats a phone
 * like any other device, and only {@link PhoneLeg} knows SIP.
 */
final class PhoneDevice implements Device {

    /** What kind of far end it is, as {@code fromType}/{@code toType} name it. */
    enum Kind { PHONE, SIP }

    private final String sessionId;
    private final String accountId;
    private final String identity;
    private final String displayName;
    private final Kind kind;
    private PhoneLeg leg;
    private Member member;

    PhoneDevice(String sessionId, String accountId, String identity, Optional<String> displayName, Kind kind) {
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.identity = identity;
        this.displayName = displayName.filter(name -> !name.isBlank()).orElse(identity);
        this.kind = kind;
    }

    void attach(PhoneLeg leg) {
        this.leg = leg;
    }

    PhoneLeg leg() {
        return leg;
    }

    Kind kind() {
        return kind;
    }

    /** This party as a member known by {@code callId} (created once; a phone takes part in one call or room). */
    Member member(String callId, String shownAs) {
        if (member == null) {
            member = new Member(this, callId, false, shownAs, Optional.of(leg));
        }
        return member;
    }

    /**
     * This party under another name (a dynamic destination's masking source), before it takes
     * part in anything: replaces the member made for it so far.
     */
    Member show(String callId, String shownAs) {
        member = new Member(this, callId, false, shownAs, Optional.of(leg));
        return member;
    }

    /** The member, once it took part. */
    Optional<Member> member() {
        return Optional.ofNullable(member);
    }

    /** Rings after its INVITE's 180/183 rather than at once (the call stays CALLING until then). */
    boolean ringsLater() {
        return leg instanceof OutboundLeg;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean isOnline() {
        return true;
    }

    /** Runs on the conversation's executor, like every send to a member. */
    @Override
    public void send(ServerMessage message) {
        leg.onServerMessage(message);
    }
}
