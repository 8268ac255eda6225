package dev.parley.media.sfu;

/**
 * Where a leg's packets go: the subscribing peer's connection, which protects them with SRTP
 * and sends them to the peer's selected address. Called on the media loop only. The buffer is
 * the caller's and may be reused after the call.
 */
public interface PacketOutput {

    void sendRtp(byte[] buffer, int offset, int length);

    void sendRtcp(byte[] buffer, int offset, int length);

    /** False once the connection is closed or has not finished DTLS yet: nothing would arrive. */
    boolean isReady();
}
