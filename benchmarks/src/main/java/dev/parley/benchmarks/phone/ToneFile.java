package dev.parley.benchmarks.phone;

import dev.parley.media.codec.G711;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The raw G.711 A-law audio sipp streams with {@code rtp_stream} (8 kHz, one byte a sample,
 * no header; sipp cuts it into 160-byte, 20 ms packets and loops it). Voice-like rather than a
 * pure tone: a few harmonics of a slowly moving pitch plus a little noise, so that the Opus
 * encoder in the transcoding case works about as hard as on speech and finds no silence to skip.
 * Each side gets its own pitch, so the two directions of a call are different signals.
 */
public final class ToneFile {

    private static final int RATE = 8000;

    private ToneFile() {
    }

    /** Writes {@code seconds} of A-law around {@code basePitchHz} to {@code file}. */
    public static void writeAlaw(Path file, double basePitchHz, int seconds, long seed) throws IOException {
        var random = new SplittableRandom(seed);
        byte[] alaw = new byte[RATE * seconds];
        double phase = 0;
        for (int i = 0; i < alaw.length; i++) {
            double t = (double) i / RATE;
            double pitch = basePitchHz * (1 + 0.25 * Math.sin(2 * Math.PI * 0.7 * t));
            phase += 2 * Math.PI * pitch / RATE;
            double v = 0;
            for (int h = 1; h <= 6; h++) {
                v += Math.sin(h * phase) / h;
            }
            alaw[i] = G711.alaw((int) (v * 4000 + random.nextInt(-200, 200)));
        }
        Files.write(file, alaw);
    }
}
