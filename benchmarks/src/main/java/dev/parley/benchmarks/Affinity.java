package dev.parley.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Pins the calling thread to one CPU (Linux {@code sched_setaffinity} through FFM), so a load
 * test can give the SFU's media loop a core of its own and keep the synthetic peers on the
 * other. Threads started afterwards by a pinned thread inherit its CPU.
 */
final class Affinity {

    private static final MethodHandle SCHED_SETAFFINITY = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("sched_setaffinity").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS));

    private Affinity() {
    }

    static void pinCurrentThread(int cpu) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(128); // cpu_set_t: 1024 bits
            mask.set(ValueLayout.JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
            int result = (int) SCHED_SETAFFINITY.invokeExact(0, 128L, mask);
            if (result != 0) {
                throw new IllegalStateException("sched_setaffinity(" + cpu + ") failed");
            }
        } catch (Throwable t) {
            throw new IllegalStateException("cannot pin to CPU " + cpu, t);
        }
    }
}
