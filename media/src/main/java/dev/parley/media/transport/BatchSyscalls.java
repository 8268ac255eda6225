package dev.parley.media.transport;

import java.lang.foreign.MemorySegment;

/**
 * The two system calls the batched transport makes, each returning a datagram count or a
 * negated {@code errno}. A seam: tests wrap the real calls to inject what loopback never
 * does, a full socket buffer or a send cut short.
 */
interface BatchSyscalls {

    /** Linux errno values; the same on x86-64 and aarch64 (asm-generic). */
    int EINTR = 4;
    int EAGAIN = 11;

    /** {@code recvmmsg(fd, messages, count, MSG_DONTWAIT, NULL)}: never waits. */
    int receive(int fd, MemorySegment messages, int count);

    /** {@code sendmmsg(fd, messages, count, MSG_DONTWAIT)}: never waits. */
    int send(int fd, MemorySegment messages, int count);
}
