package dev.parley.media.sfu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A PacketOutput that keeps copies of what it was given. */
final class CapturingOutput implements PacketOutput {
    final List<byte[]> rtp = new ArrayList<>();
    final List<byte[]> rtcp = new ArrayList<>();
    boolean ready = true;

    @Override
    public void sendRtp(byte[] buffer, int offset, int length) {
        rtp.add(Arrays.copyOfRange(buffer, offset, offset + length));
    }

    @Override
    public void sendRtcp(byte[] buffer, int offset, int length) {
        rtcp.add(Arrays.copyOfRange(buffer, offset, offset + length));
    }

    @Override
    public boolean isReady() {
        return ready;
    }
}
