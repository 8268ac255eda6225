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
    MEDIA_FAILED(10300, "the media connection could not be set up or was lost"),
    CONNECTION_LOST(10301, "the client's connection did not come back in time"),
    UNAUTHENTICATED(10302, "the token is not valid"),
    DESTINATION_NOT_FOUND(10303, "no such identity in this account"),
    DESTINATION_UNAVAILABLE(10304, "the identity has no connected device"),
    ROOM_FULL(10305, "the room has its maximum of participants"),
    INVALID_REQUEST(10400, "the request is not valid"),
    UNKNOWN_CALL(10404, "no such call or room of this client"),
    INVALID_STATE(10409, "the request does not fit the call's state"),
    INTERNAL_ERROR(10500, "the server failed; it has been logged");

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
