package dev.parley.protocol.rtp;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * H.264 access units from RTP in packetization mode 1 (RFC 6184): single NAL unit packets
 * (types 1-23, §5.6), STAP-A aggregates (24, §5.7.1: 16-bit size then NAL unit, repeated) and
 * FU-A fragments (28, §5.8):
 *
 * <pre>
 *  FU indicator          FU header
 *  |F|NRI|  Type=28 |    |S|E|R|  Type  |   the NAL header is F|NRI from the indicator, Type from the header
 * </pre>
 *
 * An access unit is every NAL unit with one timestamp, ended by the marker bit. Frames come
 * out as 4-byte length-prefixed NAL units (the "avcC" sample form of ISO/IEC 14496-15), with
 * SPS and PPS kept in band; the latest SPS and PPS are remembered for the container's
 * configuration record. A frame with an IDR slice (type 5) is a keyframe. STAP-B, MTAP and
 * FU-B belong to interleaved mode, which WebRTC does not use: counted and ignored.
 */
public final class H264Depacketizer implements VideoDepacketizer {

    private static final int STAP_A = 24;
    private static final int FU_A = 28;

    private final FrameBuffer unit = new FrameBuffer();
    private final FrameBuffer fragment = new FrameBuffer();
    private boolean building;
    private boolean broken;
    private boolean lossPending;
    private boolean keyframe;
    private boolean fragmenting;
    private long unitTimestamp;
    private int lastSequence = -1;
    private byte[] sps;
    private byte[] pps;
    private long framesOut;
    private long framesDropped;
    private long malformed;

    @Override
    public void push(int sequence, long timestamp, boolean marker, byte[] b, int off, int len, Consumer<VideoFrame> out) {
        if (lastSequence >= 0 && sequence != ((lastSequence + 1) & 0xffff)) {
            lossPending = true;
            broken |= building;
            fragmenting = false;
        }
        lastSequence = sequence;
        if (building && timestamp != unitTimestamp) {
            finish(out);
        }
        if (!building) {
            building = true;
            broken = false;
            keyframe = false;
            fragmenting = false;
            unit.reset();
            unitTimestamp = timestamp;
        }
        if (len < 1) {
            malformed++;
            return;
        }
        int type = b[off] & 0x1f;
        if (type >= 1 && type <= 23) {
            addNal(b, off, len);
        } else if (type == STAP_A) {
            aggregate(b, off, len);
        } else if (type == FU_A) {
            fragment(b, off, len);
        } else {
            malformed++;
        }
        if (marker) {
            finish(out);
        }
    }

    private void aggregate(byte[] b, int off, int len) {
        int i = off + 1;
        int end = off + len;
        while (i + 2 <= end) {
            int size = (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
            i += 2;
            if (size == 0 || i + size > end) {
                malformed++;
                broken = true;
                return;
            }
            addNal(b, i, size);
            i += size;
        }
    }

    private void fragment(byte[] b, int off, int len) {
        if (len < 3) {
            malformed++;
            broken = true;
            return;
        }
        int header = b[off + 1] & 0xff;
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        if (start) {
            fragment.reset();
            fragment.add((byte) ((b[off] & 0xe0) | (header & 0x1f)));
            fragmenting = true;
        } else if (!fragmenting) {
            broken = true; // the fragment's start was lost
            return;
        }
        fragment.add(b, off + 2, len - 2);
        if (end) {
            fragmenting = false;
            addNal(fragment.buffer(), 0, fragment.size());
        }
    }

    private void addNal(byte[] b, int off, int len) {
        int type = b[off] & 0x1f;
        if (type == 7) {
            sps = Arrays.copyOfRange(b, off, off + len);
        } else if (type == 8) {
            pps = Arrays.copyOfRange(b, off, off + len);
        } else if (type == 5) {
            keyframe = true;
        }
        unit.addInt(len);
        unit.add(b, off, len);
    }

    private void finish(Consumer<VideoFrame> out) {
        building = false;
        if (broken || fragmenting || unit.size() == 0) {
            framesDropped++;
            lossPending = true;
            fragmenting = false;
            return;
        }
        framesOut++;
        out.accept(new VideoFrame(unitTimestamp, keyframe, unit.copy(), lossPending));
        lossPending = false;
    }

    /** The latest sequence parameter set seen (NAL unit with its header byte). */
    public Optional<byte[]> sps() {
        return Optional.ofNullable(sps).map(byte[]::clone);
    }

    /** The latest picture parameter set seen. */
    public Optional<byte[]> pps() {
        return Optional.ofNullable(pps).map(byte[]::clone);
    }

    @Override
    public long framesOut() {
        return framesOut;
    }

    @Override
    public long framesDropped() {
        return framesDropped;
    }

    @Override
    public long malformed() {
        return malformed;
    }
}
