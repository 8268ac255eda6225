package dev.parley.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/**
 * Opus (RFC 6716) through Concentus, a pure-Java port of libopus, mono, for the RTP bridge.
 * On RTP, Opus always counts time at 48 kHz (RFC 7587 §4.1) whatever rate the PCM has here:
 * Opus codes 8, 12, 16, 24 or 48 kHz PCM and converts internally, so a G.711 side can decode
 * straight to 8 kHz. Errors never escape: a packet that does not decode yields -1 and is
 * counted, as malformed input is everywhere else in Parley. Not thread-safe: one encoder and
 * one decoder per stream, used by one codec worker at a time.
 *
 * <p>Decode what browsers send at 48 kHz: Concentus 1.0.2 turns hybrid and CELT frames into
 * silence when asked for 8 or 16 kHz output (only SILK-only narrowband streams decode at 8 kHz),
 * so the bridge decodes at 48 kHz and downsamples with {@link Resampler}.
 */
public final class OpusCodec {

    /** The RTP clock of Opus, whatever the PCM rate (RFC 7587 §4.1). */
    public static final int RTP_CLOCK_RATE = 48_000;
    /** The longest Opus frame, 120 ms at 48 kHz (RFC 6716 §2.1.4). */
    public static final int MAX_FRAME_SAMPLES_48K = 5760;
    /** Enough for a 20 ms voice frame at any bit rate used here. */
    public static final int MAX_PACKET = 1275;

    private OpusCodec() {
    }

    /** A mono VoIP encoder of 20 ms frames. */
    public static final class Encoder {
        private final OpusEncoder encoder;
        private final int sampleRate;
        private long encoded;
        private long failures;

        /**
         * @param sampleRate 8000, 12000, 16000, 24000 or 48000: the rate of the PCM given to {@link #encode}
         * @param bitrate    bits per second, e.g. 32000 for wideband speech
         * @param complexity 0..10: CPU spent for quality (10 is libopus's default)
         */
        public Encoder(int sampleRate, int bitrate, int complexity) {
            try {
                encoder = new OpusEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            } catch (OpusException e) {
                throw new IllegalArgumentException("Opus cannot encode at " + sampleRate + " Hz: " + e.getMessage(), e);
            }
            encoder.setBitrate(bitrate);
            encoder.setComplexity(complexity);
            encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
            encoder.setUseInbandFEC(false);
            this.sampleRate = sampleRate;
        }

        public int sampleRate() {
            return sampleRate;
        }

        /**
         * Encodes one frame of {@code frameSamples} samples (2.5 to 60 ms worth); returns the
         * packet's length in {@code out}, or -1 (counted) when Opus refuses the frame.
         */
        public int encode(short[] pcm, int offset, int frameSamples, byte[] out, int outOffset) {
            try {
                int length = encoder.encode(pcm, offset, frameSamples, out, outOffset, Math.min(MAX_PACKET,
                        out.length - outOffset));
                encoded++;
                return length;
            } catch (OpusException | RuntimeException e) {
                failures++;
                return -1;
            }
        }

        public long encoded() {
            return encoded;
        }

        public long failures() {
            return failures;
        }
    }

    /** A mono decoder: a stereo stream is mixed down by Opus itself. */
    public static final class Decoder {
        private final OpusDecoder decoder;
        private final int sampleRate;
        private int lastFrameSamples;
        private long decoded;
        private long concealed;
        private long failures;

        /** @param sampleRate 8000, 12000, 16000, 24000 or 48000: the rate of the PCM {@link #decode} writes */
        public Decoder(int sampleRate) {
            try {
                decoder = new OpusDecoder(sampleRate, 1);
            } catch (OpusException e) {
                throw new IllegalArgumentException("Opus cannot decode at " + sampleRate + " Hz: " + e.getMessage(), e);
            }
            this.sampleRate = sampleRate;
            this.lastFrameSamples = sampleRate / 50;
        }

        public int sampleRate() {
            return sampleRate;
        }

        /** The most samples one packet can give at this rate (120 ms). */
        public int maxFrameSamples() {
            return MAX_FRAME_SAMPLES_48K / (RTP_CLOCK_RATE / sampleRate);
        }

        /** Decodes one packet into {@code pcm}; returns the samples written, or -1 (counted) when it does not decode. */
        public int decode(byte[] packet, int offset, int length, short[] pcm, int pcmOffset) {
            if (length <= 0) {
                failures++;
                return -1;
            }
            try {
                int samples = decoder.decode(packet, offset, length, pcm, pcmOffset,
                        Math.min(maxFrameSamples(), pcm.length - pcmOffset), false);
                decoded++;
                lastFrameSamples = samples;
                return samples;
            } catch (OpusException | RuntimeException e) {
                failures++;
                return -1;
            }
        }

        /**
         * Packet loss concealment (RFC 6716 §4.4): a frame as long as the last one, extrapolated
         * from what came before, for a packet that never arrived. Returns the samples written.
         */
        public int conceal(short[] pcm, int pcmOffset) {
            try {
                int samples = decoder.decode(null, 0, 0, pcm, pcmOffset,
                        Math.min(lastFrameSamples, pcm.length - pcmOffset), false);
                concealed++;
                return samples;
            } catch (OpusException | RuntimeException e) {
                failures++;
                return -1;
            }
        }

        public long decoded() {
            return decoded;
        }

        public long concealed() {
            return concealed;
        }

        public long failures() {
            return failures;
        }
    }
}
