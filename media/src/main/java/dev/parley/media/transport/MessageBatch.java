package dev.parley.media.transport;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * A fixed number of datagram slots in native memory, laid out as the {@code struct mmsghdr}
 * array that {@code recvmmsg(2)} and {@code sendmmsg(2)} take: message {@code i} has one
 * {@code iovec} over data slot {@code i} and its own socket-address slot. Every pointer is
 * written once, here; per call only lengths change. A batch made with a control size also
 * has a control buffer per message, for the receive timestamps the latency measurement reads. Allocated in the transport's arena and
 * freed with it.
 *
 * <pre>
 *   struct iovec   { void *iov_base; size_t iov_len; };
 *   struct msghdr  { void *msg_name; socklen_t msg_namelen; struct iovec *msg_iov; size_t msg_iovlen;
 *                    void *msg_control; size_t msg_controllen; int msg_flags; };
 *   struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; };
 * </pre>
 * (LP64 Linux: the same on x86-64 and aarch64.)
 */
final class MessageBatch {

    /** {@code sizeof(struct sockaddr_in6)}, the largest address a UDP socket gives. */
    static final int NAME_CAPACITY = 28;
    /** Set by the kernel in {@code msg_flags} when a datagram did not fit its slot. */
    private static final int MSG_TRUNC = 0x20;
    private static final long NAME_STRIDE = 32;
    /** {@code CMSG_SPACE(sizeof(struct timespec))}: one {@code SCM_TIMESTAMPNS} message. */
    static final int TIMESTAMP_CONTROL = 32;
    /** {@code sizeof(struct cmsghdr)}: {@code size_t cmsg_len; int cmsg_level; int cmsg_type;}. */
    private static final int CMSG_HEADER = 16;

    private static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"),
            JAVA_LONG.withName("iov_len"));
    private static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4));
    private static final StructLayout MMSGHDR = MemoryLayout.structLayout(
            MSGHDR.withName("msg_hdr"),
            JAVA_INT.withName("msg_len"),
            MemoryLayout.paddingLayout(4));

    private static final long IOV_BASE = IOVEC.byteOffset(groupElement("iov_base"));
    private static final long IOV_LEN = IOVEC.byteOffset(groupElement("iov_len"));
    private static final long MSG_NAME = field("msg_name");
    private static final long MSG_NAMELEN = field("msg_namelen");
    private static final long MSG_IOV = field("msg_iov");
    private static final long MSG_IOVLEN = field("msg_iovlen");
    private static final long MSG_FLAGS = field("msg_flags");
    private static final long MSG_CONTROL = field("msg_control");
    private static final long MSG_CONTROLLEN = field("msg_controllen");
    private static final long MSG_LEN = MMSGHDR.byteOffset(groupElement("msg_len"));

    private final int capacity;
    private final int slotSize;
    private final MemorySegment messages;
    private final MemorySegment iovecs;
    private final MemorySegment names;
    private final MemorySegment data;
    private final int controlSize;
    private final MemorySegment control;

    MessageBatch(Arena arena, int capacity, int slotSize) {
        this(arena, capacity, slotSize, 0);
    }

    /** With {@code controlSize} bytes of control buffer per message (0: none). */
    MessageBatch(Arena arena, int capacity, int slotSize, int controlSize) {
        this.capacity = capacity;
        this.slotSize = slotSize;
        this.controlSize = controlSize;
        this.control = controlSize == 0 ? MemorySegment.NULL : arena.allocate((long) controlSize * capacity, 8);
        // Zeroed by the arena: no control data, flags clear.
        this.messages = arena.allocate(MMSGHDR, capacity);
        this.iovecs = arena.allocate(IOVEC, capacity);
        this.names = arena.allocate(NAME_STRIDE * capacity, 64);
        this.data = arena.allocate((long) slotSize * capacity, 64);
        for (int i = 0; i < capacity; i++) {
            long iovec = IOVEC.byteSize() * i;
            iovecs.set(ADDRESS, iovec + IOV_BASE, data.asSlice(dataOffset(i), slotSize));
            iovecs.set(JAVA_LONG, iovec + IOV_LEN, slotSize);
            long message = message(i);
            messages.set(ADDRESS, message + MSG_NAME, names.asSlice(nameOffset(i), NAME_CAPACITY));
            messages.set(JAVA_INT, message + MSG_NAMELEN, NAME_CAPACITY);
            messages.set(ADDRESS, message + MSG_IOV, iovecs.asSlice(iovec, IOVEC.byteSize()));
            messages.set(JAVA_LONG, message + MSG_IOVLEN, 1);
            if (controlSize != 0) {
                // msg_controllen stays 0, so the kernel writes nothing, until a receive asks for it.
                messages.set(ADDRESS, message + MSG_CONTROL, control.asSlice(controlOffset(i), controlSize));
            }
        }
    }

    int capacity() {
        return capacity;
    }

    int slotSize() {
        return slotSize;
    }

    /** The message array from message {@code first} on, for the system call. */
    MemorySegment messagesFrom(int first) {
        return first == 0 ? messages : messages.asSlice(message(first));
    }

    MemorySegment data() {
        return data;
    }

    long dataOffset(int i) {
        return (long) slotSize * i;
    }

    MemorySegment names() {
        return names;
    }

    long nameOffset(int i) {
        return NAME_STRIDE * i;
    }

    /** Before a receive: the kernel shrinks each address length to what it wrote, and sets flags. */
    void prepareReceive(int count) {
        for (int i = 0; i < count; i++) {
            long message = message(i);
            messages.set(JAVA_INT, message + MSG_NAMELEN, NAME_CAPACITY);
            messages.set(JAVA_INT, message + MSG_FLAGS, 0);
        }
    }

    /**
     * As {@link #prepareReceive}, and offers each message its control buffer: the kernel
     * shrinks {@code msg_controllen} to what it wrote, so it is reset before every call.
     */
    void prepareReceiveWithControl(int count) {
        prepareReceive(count);
        for (int i = 0; i < count; i++) {
            messages.set(JAVA_LONG, message(i) + MSG_CONTROLLEN, controlSize);
        }
    }

    /** Withdraws the control buffers, for receives without timestamps. */
    void clearControl() {
        for (int i = 0; i < capacity; i++) {
            messages.set(JAVA_LONG, message(i) + MSG_CONTROLLEN, 0);
        }
    }

    /**
     * After a receive with control buffers: datagram {@code i}'s {@code SCM_TIMESTAMPNS}
     * ({@code CLOCK_REALTIME} nanoseconds), or 0 when it has none (timestamps were off when
     * it arrived).
     */
    long receiveTimestampNanos(int i) {
        long length = messages.get(JAVA_LONG, message(i) + MSG_CONTROLLEN);
        long base = controlOffset(i);
        long offset = 0;
        while (offset + CMSG_HEADER <= length) {
            long cmsgLength = control.get(JAVA_LONG, base + offset);
            if (cmsgLength < CMSG_HEADER || offset + cmsgLength > length) {
                return 0;
            }
            int level = control.get(JAVA_INT, base + offset + 8);
            int type = control.get(JAVA_INT, base + offset + 12);
            if (level == LinuxSyscalls.SOL_SOCKET && type == LinuxSyscalls.SO_TIMESTAMPNS
                    && cmsgLength >= CMSG_HEADER + 16) {
                long seconds = control.get(JAVA_LONG, base + offset + CMSG_HEADER);
                long nanos = control.get(JAVA_LONG, base + offset + CMSG_HEADER + 8);
                return seconds * 1_000_000_000L + nanos;
            }
            offset += (cmsgLength + 7) & ~7L; // CMSG_ALIGN
        }
        return 0;
    }

    /** Before a send: message {@code i} carries {@code length} bytes to an address of {@code nameLength} bytes. */
    void prepareSend(int i, int length, int nameLength) {
        iovecs.set(JAVA_LONG, IOVEC.byteSize() * i + IOV_LEN, length);
        messages.set(JAVA_INT, message(i) + MSG_NAMELEN, nameLength);
    }

    /** After a receive: the length of datagram {@code i}. */
    int receivedLength(int i) {
        return messages.get(JAVA_INT, message(i) + MSG_LEN);
    }

    /** After a receive: the length of the sender's address. */
    int nameLength(int i) {
        return messages.get(JAVA_INT, message(i) + MSG_NAMELEN);
    }

    /** After a receive: datagram {@code i} was larger than its slot, and cut. */
    boolean truncated(int i) {
        return (messages.get(JAVA_INT, message(i) + MSG_FLAGS) & MSG_TRUNC) != 0;
    }

    private long controlOffset(int i) {
        return (long) controlSize * i;
    }

    private static long message(int i) {
        return MMSGHDR.byteSize() * i;
    }

    private static long field(String name) {
        return MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement(name));
    }
}
