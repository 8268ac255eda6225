package dev.parley.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.testing.Tones;
import org.junit.jupiter.api.Test;

/** G.711 against the values of the Recommendation's tables and its round-trip properties. */
class G711Test {

    @Test
    void muLawCodeWordsDecodeToTheTableValues() {
        // G.711 Table 2a, in 16-bit units (the table's 14-bit values times 4): code words are sent inverted.
        assertEquals(0, G711.ulawToLinear((byte) 0xFF), "silence");
        assertEquals(0, G711.ulawToLinear((byte) 0x7F), "negative zero");
        assertEquals(32124, G711.ulawToLinear((byte) 0x80), "largest positive: 8031 * 4");
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00), "largest negative");
        assertEquals(8, G711.ulawToLinear((byte) 0xFE), "first step: 2 * 4");
        assertEquals(-8, G711.ulawToLinear((byte) 0x7E));
        assertEquals(132, G711.ulawToLinear((byte) 0xEF), "end of segment 0: 33 * 4");
        assertEquals(0xFF & G711.ulaw(0), 0xFF);
        assertEquals(0x80, G711.ulaw(32767) & 0xFF, "clipped to the top code word");
        assertEquals(0x00, G711.ulaw(-32768) & 0xFF);
    }

    @Test
    void aLawCodeWordsDecodeToTheTableValues() {
        // G.711 Table 1a in 16-bit units (13-bit values times 8): even bits inverted on the line.
        assertEquals(8, G711.alawToLinear((byte) 0xD5), "smallest positive: the silence code word");
        assertEquals(-8, G711.alawToLinear((byte) 0x55));
        assertEquals(32256, G711.alawToLinear((byte) 0xAA), "largest positive: 4032 * 8");
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
        assertEquals(264, G711.alawToLinear((byte) 0xC5), "segment 1 starts where segment 0's steps end");
        assertEquals(0xD5, G711.alaw(0) & 0xFF);
        assertEquals(0x55, G711.alaw(-1) & 0xFF);
        assertEquals(0xAA, G711.alaw(32767) & 0xFF);
        assertEquals(0x2A, G711.alaw(-32768) & 0xFF);
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            assertEquals(code, G711.alaw(G711.alawToLinear(b)) & 0xFF, "A-law " + code);
            int expected = code == 0x7F ? 0xFF : code; // -0 comes back as +0
            assertEquals(expected, G711.ulaw(G711.ulawToLinear(b)) & 0xFF, "µ-law " + code);
        }
    }

    @Test
    void encodingIsMonotonicAndEachCodeWordCoversItsDecodedValue() {
        int previousU = G711.ulawToLinear(G711.ulaw(-32768));
        int previousA = G711.alawToLinear(G711.alaw(-32768));
        for (int pcm = -32768; pcm <= 32767; pcm++) {
            int u = G711.ulawToLinear(G711.ulaw(pcm));
            int a = G711.alawToLinear(G711.alaw(pcm));
            assertTrue(u >= previousU && a >= previousA, "monotonic at " + pcm);
            previousU = u;
            previousA = a;
        }
    }

    @Test
    void aToneKeepsAboutThirtyEightDecibelsOfSignalToNoise() {
        short[] tone = Tones.sine(1013, 8000, 10_000, 0, 8000); // not a divisor of the rate: every phase is hit
        for (boolean alaw : new boolean[] {false, true}) {
            byte[] coded = new byte[tone.length];
            short[] back = new short[tone.length];
            G711.encode(alaw, tone, 0, coded, 0, tone.length);
            G711.decode(alaw, coded, 0, back, 0, tone.length);
            double snr = Tones.snr(tone, back, 0, 0, tone.length);
            assertTrue(snr > 33 && snr < 45, (alaw ? "A" : "µ") + "-law SNR " + snr);
        }
    }

    @Test
    void lawsConvertIntoEachOtherThroughTheLinearValue() {
        for (int code = 0; code < 256; code++) {
            byte u = (byte) code;
            int viaA = G711.alawToLinear(G711.ulawToAlaw(u));
            int direct = G711.ulawToLinear(u);
            assertTrue(Math.abs(viaA - direct) <= Math.max(16, Math.abs(direct) / 16), "µ " + code + ": " + direct + " vs " + viaA);
        }
        assertEquals(8, G711.ulawToLinear(G711.alawToUlaw(G711.ALAW_SILENCE)), "silence stays (almost) silence");
    }

    @Test
    void audioLevelFollowsRfc6464() {
        byte[] silence = new byte[160];
        java.util.Arrays.fill(silence, G711.ULAW_SILENCE);
        assertEquals(127, G711.audioLevel(false, silence, 0, 160));
        short[] loud = Tones.sine(1000, 8000, 32000, 0, 160);
        byte[] coded = new byte[160];
        G711.encode(false, loud, 0, coded, 0, 160);
        int level = G711.audioLevel(false, coded, 0, 160);
        assertTrue(level >= 2 && level <= 4, "a full-scale sine is -3 dBov: " + level);
    }
}
