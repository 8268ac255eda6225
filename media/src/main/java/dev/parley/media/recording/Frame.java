package dev.parley.media.recording;

/**
 * One frame ready for the container: an audio packet's payload or a whole video frame.
 *
 * @param slot      the file's track
 * @param nanos     when it was captured, on the media loop's clock ({@code System.nanoTime})
 * @param keyframe  video keyframe (audio frames are always true)
 * @param data      the bytes to store
 * @param samples   audio: its duration in the codec's samples (48 kHz for Opus, 8 kHz for G.711); video: 0
 * @param order     arrival order within the file, to keep equal times stable
 */
record Frame(int slot, long nanos, boolean keyframe, byte[] data, int samples, long order) {
}
