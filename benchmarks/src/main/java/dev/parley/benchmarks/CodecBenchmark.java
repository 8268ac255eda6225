package dev.parley.benchmarks;

import dev.parley.media.codec.G711;
import dev.parley.media.codec.Mixer;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.codec.Resampler;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of the RTP bridge's codec paths, per 20 ms frame (one packet), on the codec
 * worker: G.711 both ways, Opus 20 ms encode and decode (Concentus, mono, 32 kb/s, complexity
 * 5, as the bridge sets it), the 8 kHz / 48 kHz resampler, mixing, and the whole work of one
 * transcoded call in both directions. A call makes 50 frames a second each way, so
 * {@code transcodedCallBothWays} times 50 is the share of a core one transcoded call takes.
 * Results and the command are in docs/media.md, "The RTP bridge".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    private static final int FRAMES = 50;

    private short[][] speech8k;
    private short[][] speech48k;
    private byte[][] ulaw;
    private byte[][] opusPackets;
    private int[] opusLengths;
    private int frame;

    private final short[] pcm8k = new short[160];
    private final short[] pcm48k = new short[960];
    private final short[] other48k = new short[960];
    private final byte[] g711Out = new byte[160];
    private final byte[] opusOut = new byte[OpusCodec.MAX_PACKET];
    private OpusCodec.Encoder encoder;
    private OpusCodec.Decoder decoder;
    private Resampler up;
    private Resampler down;
    private Mixer mixer8k;
    // One transcoded call: phone -> room (G.711 -> 48 kHz -> Opus), room -> phone (Opus -> 8 kHz -> mix -> G.711).
    private OpusCodec.Encoder callEncoder;
    private OpusCodec.Decoder callDecoder;
    private Resampler callUp;
    private Resampler callDown;
    private Mixer callMixer;

    @Setup(Level.Trial)
    public void setUp() {
        var random = new SplittableRandom(6716);
        speech8k = new short[FRAMES][];
        speech48k = new short[FRAMES][];
        ulaw = new byte[FRAMES][160];
        opusPackets = new byte[FRAMES][];
        opusLengths = new int[FRAMES];
        var prepare = new OpusCodec.Encoder(48_000, 32_000, 5);
        for (int f = 0; f < FRAMES; f++) {
            speech8k[f] = voiceLike(random, 8000, 160, f);
            speech48k[f] = voiceLike(random, 48_000, 960, f);
            G711.encode(false, speech8k[f], 0, ulaw[f], 0, 160);
            opusPackets[f] = new byte[OpusCodec.MAX_PACKET];
            opusLengths[f] = prepare.encode(speech48k[f], 0, 960, opusPackets[f], 0);
        }
        encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        decoder = new OpusCodec.Decoder(48_000);
        up = Resampler.telephony(Resampler.Direction.UP);
        down = Resampler.telephony(Resampler.Direction.DOWN);
        mixer8k = new Mixer(160);
        callEncoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        callDecoder = new OpusCodec.Decoder(48_000);
        callUp = Resampler.telephony(Resampler.Direction.UP);
        callDown = Resampler.telephony(Resampler.Direction.DOWN);
        callMixer = new Mixer(160);
    }

    /** A few harmonics of a moving pitch with noise: enough structure that no codec takes a silence shortcut. */
    private static short[] voiceLike(SplittableRandom random, int rate, int samples, int frameIndex) {
        short[] out = new short[samples];
        double pitch = 120 + 40 * Math.sin(frameIndex / 7.0);
        for (int i = 0; i < samples; i++) {
            double t = (double) (frameIndex * samples + i) / rate;
            double v = 0;
            for (int h = 1; h <= 8; h++) {
                v += Math.sin(2 * Math.PI * pitch * h * t) / h;
            }
            out[i] = (short) (v * 3000 + random.nextInt(-300, 300));
        }
        return out;
    }

    private int next() {
        frame = (frame + 1) % FRAMES;
        return frame;
    }

    @Benchmark
    public byte[] g711Encode20ms() {
        G711.encode(false, speech8k[next()], 0, g711Out, 0, 160);
        return g711Out;
    }

    @Benchmark
    public short[] g711Decode20ms() {
        G711.decode(false, ulaw[next()], 0, pcm8k, 0, 160);
        return pcm8k;
    }

    @Benchmark
    public int opusEncode20ms() {
        return encoder.encode(speech48k[next()], 0, 960, opusOut, 0);
    }

    @Benchmark
    public int opusDecode20ms() {
        int f = next();
        return decoder.decode(opusPackets[f], 0, opusLengths[f], pcm48k, 0);
    }

    @Benchmark
    public int resampleUp8to48k20ms() {
        return up.process(speech8k[next()], 0, 160, pcm48k, 0);
    }

    @Benchmark
    public int resampleDown48to8k20ms() {
        return down.process(speech48k[next()], 0, 960, pcm8k, 0);
    }

    @Benchmark
    public short[] mixThree8k20ms() {
        int f = next();
        mixer8k.clear();
        mixer8k.add(speech8k[f], 0, 160);
        mixer8k.add(speech8k[(f + 1) % FRAMES], 0, 160);
        mixer8k.add(speech8k[(f + 2) % FRAMES], 0, 160);
        mixer8k.mixInto(pcm8k, 0);
        return pcm8k;
    }

    /** Everything one transcoded phone call costs per 20 ms, both directions. */
    @Benchmark
    public int transcodedCallBothWays() {
        int f = next();
        // Phone -> room: PCMU -> 8 kHz -> 48 kHz -> Opus.
        G711.decode(false, ulaw[f], 0, pcm8k, 0, 160);
        callUp.process(pcm8k, 0, 160, other48k, 0);
        int published = callEncoder.encode(other48k, 0, 960, opusOut, 0);
        // Room -> phone: Opus -> 48 kHz -> 8 kHz -> mix -> PCMU.
        callDecoder.decode(opusPackets[f], 0, opusLengths[f], pcm48k, 0);
        callDown.process(pcm48k, 0, 960, pcm8k, 0);
        callMixer.clear();
        callMixer.add(pcm8k, 0, 160);
        callMixer.mixInto(pcm8k, 0);
        G711.encode(false, pcm8k, 0, g711Out, 0, 160);
        return published + g711Out[0];
    }
}
