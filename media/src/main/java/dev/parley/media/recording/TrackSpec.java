package dev.parley.media.recording;

import dev.parley.media.sfu.MediaKind;

/**
 * What the writer is told about one track of its file.
 *
 * @param slot      the track's index in its file (0, 1, ...), fixed for the file's life
 * @param trackId   the room track it came from
 * @param codec     opus, pcmu, pcma, vp8 or h264
 * @param clockRate the RTP clock rate
 * @param syncedBySenderReports whether the track's RTCP sender reports map its timestamps to
 *                  the sender's clock (WebRTC publishers; not the RTP bridge's re-timed tracks)
 */
record TrackSpec(int slot, String trackId, MediaKind kind, String codec, int clockRate, boolean syncedBySenderReports) {
}
