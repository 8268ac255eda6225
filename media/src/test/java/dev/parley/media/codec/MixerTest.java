package dev.parley.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MixerTest {

    @Test
    void sumsItsInputsSampleBySample() {
        var mixer = new Mixer(4);
        mixer.clear();
        mixer.add(new short[] {1, 2, 3, 4}, 0, 4);
        mixer.add(new short[] {10, -20, 30, -40}, 0, 4);
        short[] out = new short[4];
        assertEquals(0, mixer.mixInto(out, 0));
        assertArrayEquals(new short[] {11, -18, 33, -36}, out);
        assertEquals(2, mixer.inputs());
    }

    @Test
    void clipsInsteadOfWrappingAround() {
        var mixer = new Mixer(3);
        mixer.clear();
        mixer.add(new short[] {30_000, -30_000, 100}, 0, 3);
        mixer.add(new short[] {30_000, -30_000, 100}, 0, 3);
        mixer.add(new short[] {30_000, -30_000, 100}, 0, 3);
        short[] out = new short[3];
        assertEquals(2, mixer.mixInto(out, 0));
        assertArrayEquals(new short[] {32767, -32768, 300}, out);
    }

    @Test
    void aShortInputOnlyFillsTheStartAndClearStartsOver() {
        var mixer = new Mixer(4);
        mixer.clear();
        mixer.add(new short[] {5, 5}, 0, 2);
        short[] out = new short[4];
        mixer.mixInto(out, 0);
        assertArrayEquals(new short[] {5, 5, 0, 0}, out);
        mixer.clear();
        mixer.mixInto(out, 0);
        assertArrayEquals(new short[4], out);
        assertEquals(0, mixer.inputs());
    }
}
