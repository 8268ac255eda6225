package dev.parley.protocol.rtp;

import java.util.function.Consumer;

/**
 * VP8 frames from RTP (RFC 7741). Each packet starts with a payload descriptor (§4.2):
 *
 * <pre>
 *   0 1 2 3 4 5 6 7
 *  |X|R|N|S|R| PID |   S: start of a partition, PID: partition index
 *  |I|L|T|K| RSV   |   (X) extensions present
 *  |M| PictureID   |   (I) 7 or 15 bits
 *  |  PictureID    |   (M)
 *  |   TL0PICIDX   |   (L)
 *  |TID|Y| KEYIDX  |   (T or K)
 * </pre>
 *
 * A frame starts with S=1 and PID=0 and ends with the RTP marker bit; all its packets share
 * one timestamp. Partitions are simply concatenated. The frame's first byte tells a keyframe
 * (its P bit is 0, RFC 6386 §9.1).
 */
public final class Vp8Depacketizer implements VideoDepacketizer {

    private final FrameBuffer frame = new FrameBuffer();
    private boolean building;
    private boolean broken;
    private boolean lossPending;
    private boolean keyframe;
    private long frameTimestamp;
    private int lastSequence = -1;
    private long framesOut;
    private long framesDropped;
    private long malformed;

    @Override
    public void push(int sequence, long timestamp, boolean marker, byte[] b, int off, int len, Consumer<VideoFrame> out) {
        if (lastSequence >= 0 && sequence != ((lastSequence + 1) & 0xffff)) {
            lossPending = true;
            broken |= building;
        }
        lastSequence = sequence;
        if (building && timestamp != frameTimestamp) {
            finish(out); // the frame ended without a marker (or its last packet was lost: then it is broken)
        }
        int descriptor = descriptorLength(b, off, len);
        if (descriptor < 0 || descriptor >= len) {
            malformed++;
            broken |= building;
            lossPending = true;
            return;
        }
        boolean start = (b[off] & 0x10) != 0 && (b[off] & 0x07) == 0;
        int payload = off + descriptor;
        int payloadLength = len - descriptor;
        if (start) {
            if (building) {
                drop(); // a new frame began before the last one was complete
            }
            building = true;
            broken = false;
            frame.reset();
            frameTimestamp = timestamp;
            keyframe = (b[payload] & 0x01) == 0;
        } else if (!building) {
            lossPending = true; // the frame's first packet never came
            return;
        }
        frame.add(b, payload, payloadLength);
        if (marker) {
            finish(out);
        }
    }

    private void finish(Consumer<VideoFrame> out) {
        building = false;
        if (broken) {
            drop();
            return;
        }
        framesOut++;
        out.accept(new VideoFrame(frameTimestamp, keyframe, frame.copy(), lossPending));
        lossPending = false;
    }

    private void drop() {
        building = false;
        broken = false;
        framesDropped++;
        lossPending = true;
    }

    /** The payload descriptor's length (§4.2), or -1 when it runs past the packet. */
    static int descriptorLength(byte[] b, int off, int len) {
        if (len < 1) {
            return -1;
        }
        int i = 1;
        if ((b[off] & 0x80) != 0) {
            if (len < 2) {
                return -1;
            }
            int x = b[off + 1] & 0xff;
            i = 2;
            if ((x & 0x80) != 0) {
                if (i >= len) {
                    return -1;
                }
                i += (b[off + i] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) {
                i++;
            }
            if ((x & 0x30) != 0) {
                i++;
            }
        }
        return i <= len ? i : -1;
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
