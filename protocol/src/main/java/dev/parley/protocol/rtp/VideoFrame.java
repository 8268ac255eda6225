package dev.parley.protocol.rtp;

/**
 * A whole video frame put back together from RTP packets by a depacketizer.
 *
 * @param timestamp RTP timestamp shared by the frame's packets
 * @param keyframe  whether a decoder can start here
 * @param data      the frame as a container stores it (VP8: the frame; H.264: 4-byte length-prefixed NAL units)
 * @param afterLoss whether packets were lost since the previous frame handed out: a decoder
 *                  that continues from here shows damage until the next keyframe
 */
public record VideoFrame(long timestamp, boolean keyframe, byte[] data, boolean afterLoss) {
}
