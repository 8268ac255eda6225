package dev.parley.telephony.sip;

/**
 * A SIP request that did not succeed: the final status the far end sent, or one the stack
 * stands in with (408 on a timeout, 503 on a transport error, 491 when another re-INVITE is
 * still under way). Futures of the stack fail with it.
 */
public final class SipException extends RuntimeException {

    private final int status;

    public SipException(int status, String reason) {
        super(status + " " + reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
