package dev.parley.platform.calls;

/**
 * SIP final responses and the call end codes, both ways: what a far end's refusal means to
 * the caller (RFC 3261 §21), and what Parley answers a phone whose call could not be put
 * through.
 */
final class SipStatus {

    private SipStatus() {
    }

    /** Why an outbound call ended, from the far end's final non-2xx response. */
    static ErrorCode toCode(int status) {
        return switch (status) {
            case 486, 600 -> ErrorCode.BUSY;
            case 603 -> ErrorCode.REJECTED;
            case 404, 484, 604 -> ErrorCode.DESTINATION_NOT_FOUND;
            case 480, 410 -> ErrorCode.DESTINATION_UNAVAILABLE;
            case 408 -> ErrorCode.NO_ANSWER;
            case 487 -> ErrorCode.CANCELLED;
            case 401, 403, 407 -> ErrorCode.FORBIDDEN;
            case 488, 606 -> ErrorCode.MEDIA_FAILED;
            default -> ErrorCode.GATEWAY_ERROR;
        };
    }

    /** The final response that refuses an inbound call for {@code reason}. */
    static int forCode(ErrorCode reason) {
        return switch (reason) {
            case BUSY, ROOM_FULL -> 486;
            case REJECTED -> 603;
            case DESTINATION_NOT_FOUND -> 404;
            case DESTINATION_UNAVAILABLE, NO_ANSWER -> 480;
            case FORBIDDEN -> 403;
            case INVALID_DESTINATION -> 484;
            case MEDIA_FAILED -> 488;
            case CANCELLED -> 487;
            case GATEWAY_ERROR -> 502;
            case URL_NOT_FOUND, URL_UNREACHABLE, INVALID_RESPONSE, NO_DYNAMIC_DESTINATION -> 503;
            default -> 500;
        };
    }

    /** The reason phrase of {@link #forCode}. */
    static String phrase(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 480 -> "Temporarily Unavailable";
            case 484 -> "Address Incomplete";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 603 -> "Decline";
            default -> "Server Internal Error";
        };
    }
}
