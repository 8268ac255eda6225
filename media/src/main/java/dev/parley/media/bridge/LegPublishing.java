package dev.parley.media.bridge;

import dev.parley.media.codec.G711;
import dev.parley.media.loop.MediaLoop;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PacketOutput;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.workers.LanePool;
import dev.parley.protocol.rtp.RtpHeaders;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The far end's voice as a track of the room. By default the packets go in as they came, in
 * the far end's codec (G.711 or Opus), so subscribers decode them directly and nothing is
 * transcoded; the track has an SSRC of its own and sequence numbers and timestamps that carry
 * on when the far end changes SSRC (a PBX does after a transfer or hold). With
 * {@code opusTowardsRoom}, G.711 is transcoded to Opus on the codec worker first. Either way
 * the level of each frame is computed for the room's active speaker (phones send no RFC 6464
 * header extension). Media loop only, but for the worker-side {@link FarEndToOpus}.
 */
final class LegPublishing {

    private static final int HEADER = RtpHeaders.FIXED_HEADER_LENGTH;
    private static final String OPUS_FMTP = "minptime=10;useinbandfec=1";

    private final RtpFormat format;
    private final MediaLoop loop;
    private final LanePool.Lane worker;
    private final BridgeCounters counters;
    private final PublishedTrack track;
    private final FarEndToOpus toOpus;
    private final byte[] scratch = new byte[HEADER + 1500];
    private long farSsrc = -1;
    private int sequenceOffset;
    private long timestampOffset;
    private boolean publishedAny;
    private int lastSequence;
    private long lastTimestamp;
    private long lastNanos;
    private int nextOpusSequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private boolean closed;

    LegPublishing(String peerId, RtpFormat format, boolean opusTowardsRoom, MediaLoop loop, LanePool.Lane worker,
                  BridgeCounters counters, long trackSsrc) {
        this.format = format;
        this.loop = loop;
        this.worker = worker;
        this.counters = counters;
        boolean transcode = opusTowardsRoom && format.isG711();
        this.toOpus = transcode ? new FarEndToOpus(format.isPcma()) : null;
        var source = transcode
                ? new PublishedTrack.Source(UUID.randomUUID().toString(), peerId, MediaKind.AUDIO, RtpFormat.OPUS, 48_000,
                CodecChoice.OPUS_PAYLOAD_TYPE, trackSsrc, -1, -1, 0, OPUS_FMTP, "", -1)
                : new PublishedTrack.Source(UUID.randomUUID().toString(), peerId, MediaKind.AUDIO, format.name(),
                format.clockRate(), format.payloadType(), trackSsrc, -1, -1, 0,
                format.isOpus() && format.fmtp().isEmpty() ? OPUS_FMTP : format.fmtp(), "", -1);
        // Audio never asks its publisher for keyframes; reports about the far end go out on the leg.
        this.track = new PublishedTrack(source, peerId, NO_FEEDBACK, trackSsrc);
    }

    PublishedTrack track() {
        return track;
    }

    boolean transcodes() {
        return toOpus != null;
    }

    /** An audio packet from the far end, header checked; {@code otherLaw} when it is the G.711 law not negotiated. */
    void onAudio(byte[] b, int off, int len, int headerLength, boolean otherLaw, long nowNanos) {
        int payloadOffset = off + headerLength;
        int payloadLength = len - headerLength - RtpHeaders.paddingLength(b, off, len);
        if (payloadLength <= 0 || payloadLength > scratch.length - HEADER || closed) {
            return;
        }
        long ssrc = RtpHeaders.ssrc(b, off);
        if (ssrc != farSsrc) {
            if (farSsrc >= 0) {
                counters.ssrcChanges++;
            }
            farSsrc = ssrc;
            rebase(RtpHeaders.sequenceNumber(b, off), RtpHeaders.timestamp(b, off), nowNanos);
        }
        if (toOpus != null) {
            byte[] payload = java.util.Arrays.copyOfRange(b, payloadOffset, payloadOffset + payloadLength);
            if (otherLaw) {
                convertLaw(payload, 0, payload.length);
            }
            long timestamp = RtpHeaders.timestamp(b, off);
            if (!worker.execute(() -> {
                List<FarEndToOpus.Frame> frames = toOpus.onPacket(timestamp, payload);
                if (!frames.isEmpty()) {
                    loop.execute(() -> publishOpus(frames));
                }
            })) {
                counters.codecBacklogDrops++;
            }
            return;
        }
        int sequence = (RtpHeaders.sequenceNumber(b, off) + sequenceOffset) & 0xffff;
        long timestamp = (RtpHeaders.timestamp(b, off) + timestampOffset) & 0xffffffffL;
        System.arraycopy(b, payloadOffset, scratch, HEADER, payloadLength);
        if (otherLaw) {
            convertLaw(scratch, HEADER, payloadLength);
        }
        if (format.isG711()) {
            track.reportAudioLevel(G711.audioLevel(format.isPcma(), scratch, HEADER, payloadLength), nowNanos);
        }
        publish(RtpHeaders.marker(b, off), format.payloadType(), sequence, timestamp, payloadLength, nowNanos);
    }

    /** Transcoded frames back from the worker. */
    private void publishOpus(List<FarEndToOpus.Frame> frames) {
        if (closed) {
            return;
        }
        long now = loop.nanoTime();
        for (FarEndToOpus.Frame frame : frames) {
            long timestamp = (frame.farTimestamp() * 6 + timestampOffset) & 0xffffffffL;
            long step = (timestamp - lastTimestamp) & 0xffffffffL;
            if (publishedAny && (step == 0 || step > 10L * 48_000)) {
                // A new SSRC or a timestamp reset upstream: carry on from where the track was.
                long continued = (lastTimestamp + Math.max(960, (now - lastNanos) * 48_000 / 1_000_000_000L)) & 0xffffffffL;
                timestampOffset = (continued - frame.farTimestamp() * 6) & 0xffffffffL;
                timestamp = continued;
            }
            System.arraycopy(frame.packet(), 0, scratch, HEADER, frame.packet().length);
            track.reportAudioLevel(frame.level(), now);
            publish(!publishedAny, CodecChoice.OPUS_PAYLOAD_TYPE, nextOpusSequence, timestamp, frame.packet().length, now);
            nextOpusSequence = (nextOpusSequence + 1) & 0xffff;
            counters.transcodedToRoom++;
        }
    }

    private void publish(boolean marker, int payloadType, int sequence, long timestamp, int payloadLength, long nowNanos) {
        scratch[0] = (byte) 0x80;
        scratch[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        RtpHeaders.setSequenceNumber(scratch, 0, sequence);
        RtpHeaders.setTimestamp(scratch, 0, timestamp);
        RtpHeaders.setSsrc(scratch, 0, track.source().ssrc());
        lastSequence = sequence;
        lastTimestamp = timestamp;
        lastNanos = nowNanos;
        publishedAny = true;
        track.onRtp(scratch, 0, HEADER + payloadLength, HEADER, nowNanos);
    }

    /** Maps a new far-end SSRC onto the track's numbering so that it continues where it was. */
    private void rebase(int farSequence, long farTimestamp, long nowNanos) {
        if (toOpus != null) {
            if (!publishedAny) {
                timestampOffset = ThreadLocalRandom.current().nextLong(1L << 32);
            }
            return; // the Opus side keeps its own sequence numbers and re-anchors time as frames come
        }
        if (!publishedAny) {
            sequenceOffset = 0;
            timestampOffset = 0;
            return;
        }
        sequenceOffset = (lastSequence + 1 - farSequence) & 0xffff;
        long elapsed = Math.max(format.samplesPer20ms(), (nowNanos - lastNanos) * format.clockRate() / 1_000_000_000L);
        timestampOffset = (lastTimestamp + elapsed - farTimestamp) & 0xffffffffL;
    }

    private void convertLaw(byte[] payload, int offset, int length) {
        for (int i = 0; i < length; i++) {
            payload[offset + i] = format.isPcma() ? G711.ulawToAlaw(payload[offset + i]) : G711.alawToUlaw(payload[offset + i]);
        }
    }

    /** Closes the track (and every leg of it); the worker side is released by the leg. */
    void close() {
        closed = true;
        track.close();
    }

    /** The worker-side state to release when the leg closes, if any. */
    Runnable releaser() {
        return toOpus == null ? () -> { } : toOpus::release;
    }

    long transcoderDecodes() {
        return toOpus == null ? 0 : toOpus.decodes.get();
    }

    private static final PacketOutput NO_FEEDBACK = new PacketOutput() {
        @Override
        public void sendRtp(byte[] buffer, int offset, int length) {
        }

        @Override
        public void sendRtcp(byte[] buffer, int offset, int length) {
        }

        @Override
        public boolean isReady() {
            return true;
        }
    };
}
