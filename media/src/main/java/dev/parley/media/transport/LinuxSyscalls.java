package dev.parley.media.transport;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code recvmmsg}, {@code sendmmsg} and {@code getsockname} from libc through the FFM API,
 * and the checks that say whether they can be used here.
 *
 * <p>The socket stays a {@link DatagramChannel}, so the media loop's selector still tells
 * when it is readable and the JDK still owns its life; we only borrow its file descriptor.
 * The JDK has no public way to give it, so we read it through {@code sun.nio.ch.SelChImpl},
 * which needs {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}. Calling C needs
 * {@code --enable-native-access=ALL-UNNAMED}; without it the JVM would print a warning, so
 * we treat it as required.
 */
final class LinuxSyscalls implements BatchSyscalls {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    /** {@code SOL_SOCKET} and {@code SO_TIMESTAMPNS} (= {@code SCM_TIMESTAMPNS}): asm-generic, x86-64 and aarch64. */
    static final int SOL_SOCKET = 1;
    static final int SO_TIMESTAMPNS = 35;
    private static final int CLOCK_REALTIME = 0;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SOCKADDR_STORAGE = 128;
    private static final List<String> SYMBOLS = List.of("recvmmsg", "sendmmsg", "getsockname", "setsockopt",
            "clock_gettime");
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO = CALL_STATE.byteOffset(groupElement("errno"));
    private static final Optional<String> UNAVAILABLE = findUnavailableReason();

    /** The downcall handles; a holder class, so that nothing restricted runs before the checks pass. */
    private static final class Handles {
        static final MethodHandle RECVMMSG = downcall("recvmmsg",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), true);
        static final MethodHandle SENDMMSG = downcall("sendmmsg",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), true);
        static final MethodHandle GETSOCKNAME = downcall("getsockname",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), false);
        static final MethodHandle SETSOCKOPT = downcall("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), false);
        // A vDSO call that neither blocks nor calls back: the cheaper critical transition is safe.
        static final MethodHandle CLOCK_GETTIME = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("clock_gettime").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.critical(false));

        private static MethodHandle downcall(String name, FunctionDescriptor descriptor, boolean errno) {
            Linker linker = Linker.nativeLinker();
            MemorySegment symbol = linker.defaultLookup().find(name).orElseThrow();
            return errno ? linker.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"))
                    : linker.downcallHandle(symbol, descriptor);
        }
    }

    /** Where errno is captured; one per transport, used on the media loop only. */
    private final MemorySegment callState;

    LinuxSyscalls(Arena arena) {
        this.callState = arena.allocate(CALL_STATE);
    }

    /** Why batched I/O cannot be used in this JVM, or empty when it can. */
    static Optional<String> unavailableReason() {
        return UNAVAILABLE;
    }

    @Override
    public int receive(int fd, MemorySegment messages, int count) {
        int n;
        try {
            n = (int) Handles.RECVMMSG.invokeExact(callState, fd, messages, count, MSG_DONTWAIT, MemorySegment.NULL);
        } catch (Throwable t) {
            throw rethrow("recvmmsg", t);
        }
        return n >= 0 ? n : -callState.get(JAVA_INT, ERRNO);
    }

    @Override
    public int send(int fd, MemorySegment messages, int count) {
        int n;
        try {
            n = (int) Handles.SENDMMSG.invokeExact(callState, fd, messages, count, MSG_DONTWAIT);
        } catch (Throwable t) {
            throw rethrow("sendmmsg", t);
        }
        return n >= 0 ? n : -callState.get(JAVA_INT, ERRNO);
    }

    /**
     * Turns the kernel's nanosecond receive timestamps ({@code SO_TIMESTAMPNS}) on or off:
     * when on, every datagram read with a control buffer carries an {@code SCM_TIMESTAMPNS}
     * message with its {@code CLOCK_REALTIME} arrival time.
     */
    static void setReceiveTimestamps(int fd, boolean on) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_INT);
            value.set(JAVA_INT, 0, on ? 1 : 0);
            int result;
            try {
                result = (int) Handles.SETSOCKOPT.invokeExact(fd, SOL_SOCKET, SO_TIMESTAMPNS, value, (int) JAVA_INT.byteSize());
            } catch (Throwable t) {
                throw rethrow("setsockopt", t);
            }
            if (result != 0) {
                throw new TransportException("setsockopt(SO_TIMESTAMPNS) failed on the media socket");
            }
        }
    }

    /**
     * {@code CLOCK_REALTIME} in nanoseconds, the clock the kernel's receive timestamps use
     * (neither {@code System.nanoTime} nor {@code Instant.now}, which is only microseconds and
     * allocates, fits). {@code timespec} is 16 bytes of scratch memory owned by the caller.
     */
    static long realtimeNanos(MemorySegment timespec) {
        try {
            int result = (int) Handles.CLOCK_GETTIME.invokeExact(CLOCK_REALTIME, timespec);
            if (result != 0) {
                throw new TransportException("clock_gettime(CLOCK_REALTIME) failed");
            }
        } catch (Throwable t) {
            throw rethrow("clock_gettime", t);
        }
        return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
    }

    /** The channel's file descriptor, which stays the channel's: it closes it. */
    static int fileDescriptor(DatagramChannel channel) {
        try {
            Class<?> selectable = Class.forName("sun.nio.ch.SelChImpl");
            return (int) selectable.getMethod("getFDVal").invoke(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new TransportException("cannot read the media socket's file descriptor"
                    + " (is java.base/sun.nio.ch exported to ALL-UNNAMED?)", e);
        }
    }

    /** {@link #AF_INET} or {@link #AF_INET6}: which sockaddr the kernel gives and takes. */
    static int addressFamily(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(SOCKADDR_STORAGE, 8);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, SOCKADDR_STORAGE);
            int result;
            try {
                result = (int) Handles.GETSOCKNAME.invokeExact(fd, address, length);
            } catch (Throwable t) {
                throw rethrow("getsockname", t);
            }
            if (result != 0) {
                throw new TransportException("getsockname failed on the media socket");
            }
            int family = address.get(JAVA_SHORT, 0);
            if (family != AF_INET && family != AF_INET6) {
                throw new TransportException("the media socket has address family " + family);
            }
            return family;
        }
    }

    private static RuntimeException rethrow(String call, Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return t instanceof RuntimeException r ? r : new TransportException(call + " could not be called", t);
    }

    private static Optional<String> findUnavailableReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            return Optional.of("not Linux (" + os + ")");
        }
        if (!List.of("amd64", "x86_64", "aarch64").contains(arch)) {
            // The message structures below are laid out for LP64 Linux on these two.
            return Optional.of("an untested architecture (" + arch + ")");
        }
        Module self = LinuxSyscalls.class.getModule();
        if (!Object.class.getModule().isExported("sun.nio.ch", self)) {
            return Optional.of("the JVM needs --add-exports java.base/sun.nio.ch=ALL-UNNAMED");
        }
        try {
            Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal"); // JDK internals may change
        } catch (ReflectiveOperationException e) {
            return Optional.of("this JDK has no sun.nio.ch.SelChImpl.getFDVal to read the descriptor with");
        }
        if (!self.isNativeAccessEnabled()) {
            return Optional.of("the JVM needs --enable-native-access=ALL-UNNAMED");
        }
        SymbolLookup libc = Linker.nativeLinker().defaultLookup();
        for (String symbol : SYMBOLS) {
            if (libc.find(symbol).isEmpty()) {
                return Optional.of("the C library has no " + symbol);
            }
        }
        return Optional.empty();
    }
}
