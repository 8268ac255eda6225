package dev.parley.protocol.fuzz;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A small mutation fuzzer for parsers: starting from valid seed inputs it flips bits, sets
 * bytes to edge values, truncates, extends, splices and shuffles, and feeds every result to
 * the target, which must never throw. It runs for {@code parley.fuzz.seconds} (1 s in the
 * normal suite; {@code ./parley fuzz SECONDS} for long runs). A failure names the random
 * seed and the input in hex, and {@code parley.fuzz.seed} replays it.
 */
public final class Fuzzer {

    private static final byte[] EDGES = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff, 0x20, 0x0a};

    private Fuzzer() {
    }

    /** Runs {@code target} on mutations of {@code seeds} for the configured time; returns the number of inputs tried. */
    public static long run(String name, List<byte[]> seeds, Consumer<byte[]> target) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("the fuzzer needs at least one seed");
        }
        long seconds = Long.getLong("parley.fuzz.seconds", 1);
        long randomSeed = Long.getLong("parley.fuzz.seed", System.nanoTime());
        var random = new Random(randomSeed);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long inputs = 0;
        while (inputs < 1_000 || System.nanoTime() < deadline) {
            byte[] input = mutate(random, seeds);
            try {
                target.accept(input);
            } catch (Throwable t) {
                throw new AssertionError(name + " threw on input " + HexFormat.of().formatHex(input)
                        + " (replay with -Dparley.fuzz.seed=" + randomSeed + ")", t);
            }
            inputs++;
        }
        return inputs;
    }

    static byte[] mutate(Random random, List<byte[]> seeds) {
        byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            data = switch (random.nextInt(8)) {
                case 0 -> flipBit(random, data);
                case 1 -> setEdge(random, data);
                case 2 -> truncate(random, data);
                case 3 -> extend(random, data);
                case 4 -> splice(random, data, seeds.get(random.nextInt(seeds.size())));
                case 5 -> duplicateRange(random, data);
                case 6 -> randomByte(random, data);
                default -> random.nextInt(50) == 0 ? randomBytes(random) : flipBit(random, data);
            };
        }
        return data;
    }

    private static byte[] flipBit(Random random, byte[] data) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return data;
    }

    private static byte[] setEdge(Random random, byte[] data) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] = EDGES[random.nextInt(EDGES.length)];
        }
        return data;
    }

    private static byte[] randomByte(Random random, byte[] data) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] = (byte) random.nextInt(256);
        }
        return data;
    }

    private static byte[] truncate(Random random, byte[] data) {
        return java.util.Arrays.copyOf(data, data.length == 0 ? 0 : random.nextInt(data.length));
    }

    private static byte[] extend(Random random, byte[] data) {
        byte[] longer = java.util.Arrays.copyOf(data, data.length + 1 + random.nextInt(32));
        for (int i = data.length; i < longer.length; i++) {
            longer[i] = (byte) random.nextInt(256);
        }
        return longer;
    }

    private static byte[] splice(Random random, byte[] data, byte[] other) {
        int cut = data.length == 0 ? 0 : random.nextInt(data.length);
        int from = other.length == 0 ? 0 : random.nextInt(other.length);
        byte[] result = new byte[cut + other.length - from];
        System.arraycopy(data, 0, result, 0, cut);
        System.arraycopy(other, from, result, cut, other.length - from);
        return result;
    }

    private static byte[] duplicateRange(Random random, byte[] data) {
        if (data.length < 2) {
            return data;
        }
        int start = random.nextInt(data.length - 1);
        int length = 1 + random.nextInt(Math.min(16, data.length - start));
        byte[] result = new byte[data.length + length];
        System.arraycopy(data, 0, result, 0, start + length);
        System.arraycopy(data, start, result, start + length, data.length - start);
        return result;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
        return bytes;
    }
}
