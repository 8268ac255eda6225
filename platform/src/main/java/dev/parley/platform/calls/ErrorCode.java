package dev.parley.platform.calls;

/**
 * The one table of codes shared by the server, the SDKs and webhooks (docs/signaling.md):
 * why a call ended, why a room was left, what was wrong with a request.
 */
public enum ErrorCode {
    NORMAL_HANGUP(10000, "the call was hung up"),
    ANSWERED_ELSEWHERE(10001, "another device of the callee accepted"),
    NO_ANSWER(10200, "nobody accepted within the ring timeout"),
    BUSY(10201, "the callee is already in a call"),
    CANCELLED(10202, "the caller hung up before the callee accepted"),
    REJECTED(10203, "the callee declined"),
    FORBIDDEN(10300, "the call is not allowed (caller ID, destination or the far end refused it)"),
    UNAUTHENTICATED(10302, "the token is not valid"),
    DESTINATION_NOT_FOUND(10303, "no such destination in this account"),
    DESTINATION_UNAVAILABLE(10304, "the destination has no connected device or cannot be reached now"),
    INVALID_DESTINATION(10305, "the destination is not a valid phone number, SIP URI or identity"),
    ROOM_FULL(10306, "the room has its maximum of participants"),
    URL_NOT_FOUND(10400, "the dynamic destination callback answered an error status"),
    URL_UNREACHABLE(10401, "the dynamic destination callback could not be reached in time"),
    INVALID_RESPONSE(10402, "the dynamic destination callback answered something that is not a route"),
    NO_DYNAMIC_DESTINATION(10403, "the account has no dynamic destination callback configured"),
    INTERNAL_ERROR(10500, "the server failed; it has been logged"),
    MEDIA_FAILED(10501, "the media connection could not be set up or was lost"),
    CONNECTION_LOST(10502, "the client's connection did not come back in time"),
    GATEWAY_ERROR(10503, "the SIP trunk or SIP endpoint failed or did not answer"),
    INVALID_REQUEST(10600, "the request is not valid"),
    UNKNOWN_CALL(10601, "no such call or room of this client"),
    INVALID_STATE(10602, "the request does not fit the call's state");

    /** The wire shape: {@code {"id", "name", "description"}}. */
    public record Info(int id, String name, String description) {
    }

    private final int id;
    private final String description;

    ErrorCode(int id, String description) {
        this.id = id;
        this.description = description;
    }

    public int id() {
        return id;
    }

    public Info info() {
        return new Info(id, name(), description);
    }

    /** With a description saying exactly what happened (which field, which state). */
    public Info info(String detail) {
        return new Info(id, name(), detail);
    }
}
