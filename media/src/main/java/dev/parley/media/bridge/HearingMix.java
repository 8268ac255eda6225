package dev.parley.media.bridge;

import dev.parley.media.codec.G711;
import dev.parley.media.codec.Mixer;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.codec.Resampler;
import dev.parley.media.workers.LanePool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a far end hears when the leg cannot just pass one track through: every heard room
 * track decoded (Opus or G.711) to PCM at the far end's rate (8 kHz for G.711, 48 kHz for
 * Opus), each through a small jitter buffer, summed with clipping every 20 ms, and encoded in
 * the far end's codec. Mix-minus comes for free: a leg never hears its own track. When no
 * input has audio the frame is silence, still sent, so that the far end's media timeout
 * (carriers hang up after 30-60 s without RTP) never fires while the room is quiet.
 *
 * <p>Codec worker only (one leg's {@link LanePool.Lane}); the loop hands in copies of
 * payloads and takes back encoded frames.
 */
final class HearingMix {

    /** Live instances, for leak checks: codec state is released when the leg closes. */
    static final AtomicInteger LIVE = new AtomicInteger();
    /** Start playing an input once this many frames are buffered; drop back to {@link #TRIM_TO} above {@link #MAX_FRAMES}. */
    private static final int PRIME_FRAMES = 2;
    private static final int MAX_FRAMES = 10;
    private static final int TRIM_TO = 3;
    /** Lost packets concealed by Opus before giving up on the gap. */
    private static final int MAX_CONCEALED = 3;

    /** Where one heard track comes from: its codec and clock. */
    record Source(String trackId, String codec, int clockRate) {
    }

    private final class Input {
        final Source source;
        final OpusCodec.Decoder opus;
        final Resampler up;
        final Resampler down;
        final PcmFifo fifo;
        int lastSequence = -1;
        boolean primed;

        Input(Source source) {
            this.source = source;
            boolean isOpus = source.codec().equalsIgnoreCase(RtpFormat.OPUS);
            // Opus is always decoded at 48 kHz: Concentus 1.0.2 decodes hybrid and CELT frames
            // (what browsers send) to silence at lower output rates (OpusCodecTest shows it).
            this.opus = isOpus ? new OpusCodec.Decoder(OpusCodec.RTP_CLOCK_RATE) : null;
            this.up = !isOpus && mixRate != source.clockRate() ? Resampler.telephony(Resampler.Direction.UP) : null;
            this.down = isOpus && mixRate != OpusCodec.RTP_CLOCK_RATE ? Resampler.telephony(Resampler.Direction.DOWN) : null;
            this.fifo = new PcmFifo(mixRate / 2);
        }
    }

    private final RtpFormat farEnd;
    private final int mixRate;
    private final int frame;
    private final Map<String, Input> inputs = new HashMap<>();
    private final Mixer mixer;
    private final OpusCodec.Encoder opusOut;
    private final short[] decoded;
    private final short[] resampled;
    private final short[] take;
    private final short[] mixed;
    private final byte[] encoded = new byte[OpusCodec.MAX_PACKET];
    private boolean released;
    final AtomicLong decodes = new AtomicLong();
    final AtomicLong concealed = new AtomicLong();
    final AtomicLong encodes = new AtomicLong();
    final AtomicLong underruns = new AtomicLong();
    final AtomicLong trimmed = new AtomicLong();
    final AtomicLong undecodable = new AtomicLong();

    HearingMix(RtpFormat farEnd) {
        this.farEnd = farEnd;
        this.mixRate = farEnd.isOpus() ? OpusCodec.RTP_CLOCK_RATE : 8000;
        this.frame = mixRate / 50;
        this.mixer = new Mixer(frame);
        this.opusOut = farEnd.isOpus() ? new OpusCodec.Encoder(mixRate, 32_000, 5) : null;
        this.decoded = new short[OpusCodec.MAX_FRAME_SAMPLES_48K];
        this.resampled = new short[OpusCodec.MAX_FRAME_SAMPLES_48K * 6];
        this.take = new short[frame];
        this.mixed = new short[frame];
        LIVE.incrementAndGet();
    }

    /** The inputs are now exactly {@code sources}: new ones start empty, dropped ones are forgotten. */
    void setSources(List<Source> sources) {
        var wanted = new HashMap<String, Source>();
        sources.forEach(s -> wanted.put(s.trackId(), s));
        inputs.keySet().removeIf(id -> !wanted.containsKey(id));
        wanted.forEach((id, s) -> inputs.computeIfAbsent(id, k -> new Input(s)));
    }

    /** A payload of heard track {@code trackId} with its RTP sequence number. */
    void onPacket(String trackId, int sequence, byte[] payload) {
        Input input = inputs.get(trackId);
        if (input == null || released) {
            return;
        }
        if (input.opus != null) {
            int gap = input.lastSequence < 0 ? 0 : ((sequence - input.lastSequence) & 0xffff) - 1;
            if (gap > 0x8000) {
                return; // older than the last one: too late to play
            }
            for (int i = 0; i < Math.min(gap, MAX_CONCEALED); i++) {
                int n = input.opus.conceal(decoded, 0);
                if (n > 0) {
                    concealed.incrementAndGet();
                    write(input, decoded, n);
                }
            }
            input.lastSequence = sequence;
            int n = input.opus.decode(payload, 0, payload.length, decoded, 0);
            if (n < 0) {
                undecodable.incrementAndGet();
                return;
            }
            decodes.incrementAndGet();
            write(input, decoded, n);
            return;
        }
        input.lastSequence = sequence;
        int n = Math.min(payload.length, decoded.length);
        G711.decode(input.source.codec().equalsIgnoreCase(RtpFormat.PCMA), payload, 0, decoded, 0, n);
        decodes.incrementAndGet();
        if (input.up != null) {
            int m = input.up.process(decoded, 0, n, resampled, 0);
            input.fifo.write(resampled, 0, m);
        } else {
            input.fifo.write(decoded, 0, n);
        }
    }

    private void write(Input input, short[] pcm, int count) {
        if (input.down != null) {
            int m = input.down.process(pcm, 0, count, resampled, 0);
            input.fifo.write(resampled, 0, m);
        } else {
            input.fifo.write(pcm, 0, count);
        }
    }

    /** Mixes and encodes the next 20 ms; returns the payload's length in {@link #encoded()}, or -1. */
    int tick() {
        if (released) {
            return -1;
        }
        mixer.clear();
        for (Input input : inputs.values()) {
            PcmFifo fifo = input.fifo;
            if (fifo.available() > MAX_FRAMES * frame) {
                fifo.skip(fifo.available() - TRIM_TO * frame);
                trimmed.incrementAndGet();
            }
            if (!input.primed) {
                if (fifo.available() < PRIME_FRAMES * frame) {
                    continue;
                }
                input.primed = true;
            }
            int n = fifo.read(take, 0, frame);
            if (n < frame) {
                underruns.incrementAndGet();
                input.primed = false;
            }
            if (n > 0) {
                mixer.add(take, 0, n);
            }
        }
        mixer.mixInto(mixed, 0);
        encodes.incrementAndGet();
        if (opusOut != null) {
            return opusOut.encode(mixed, 0, frame, encoded, 0);
        }
        G711.encode(farEnd.isPcma(), mixed, 0, encoded, 0, frame);
        return frame;
    }

    byte[] encoded() {
        return encoded;
    }

    /** Frees the codec state (the leg closed). */
    void release() {
        if (!released) {
            released = true;
            inputs.clear();
            LIVE.decrementAndGet();
        }
    }
}
