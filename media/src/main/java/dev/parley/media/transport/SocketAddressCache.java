package dev.parley.media.transport;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns kernel socket addresses into {@link InetSocketAddress}es and back without allocating
 * per packet: peers are few and send many packets, so the same few objects come back each
 * time (which also keeps the endpoint directory's lookups cheap). Used on the media loop only.
 *
 * <p>Every address is keyed as IPv6, an IPv4 one as IPv4-mapped ({@code ::ffff:a.b.c.d}), so
 * a dual-stack socket's mapped addresses and a plain IPv4 socket's give the same
 * {@link Inet4Address} the NIO transport would. The tables are bounded: when full they are
 * emptied and refill with the peers still talking.
 */
final class SocketAddressCache {

    private static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong NET_LONG = JAVA_LONG.withOrder(ByteOrder.BIG_ENDIAN);
    private static final long MAPPED_PREFIX = 0x0000_ffffL << 32;
    private static final int FIRST_CAPACITY = 256;
    private static final int MAX_CAPACITY = 16_384;

    /** What a sockaddr says, in numbers: the 16 address bytes as two longs, port, scope. */
    private record Key(long high, long low, int port, int scope) {
        boolean isIpv4() {
            return high == 0 && (low & 0xffff_ffff_0000_0000L) == MAPPED_PREFIX;
        }
    }

    private final int socketFamily;
    private long[] highs;
    private long[] lows;
    private long[] tails;
    private InetSocketAddress[] values;
    private int size;
    private final Map<InetSocketAddress, Key> encoded = new HashMap<>();

    /** {@code socketFamily}: {@link LinuxSyscalls#AF_INET} or {@link LinuxSyscalls#AF_INET6}. */
    SocketAddressCache(int socketFamily) {
        this.socketFamily = socketFamily;
        allocate(FIRST_CAPACITY);
    }

    /**
     * The sender of a received datagram, from the {@code length} bytes of sockaddr at
     * {@code offset}. Fails with {@link TransportException} on an address the kernel should
     * never give a UDP socket.
     */
    InetSocketAddress decode(MemorySegment names, long offset, int length) {
        int family = names.get(JAVA_SHORT, offset);
        long high;
        long low;
        int scope;
        if (family == LinuxSyscalls.AF_INET && length >= 8) {
            high = 0;
            low = MAPPED_PREFIX | (names.get(NET_INT, offset + 4) & 0xffff_ffffL);
            scope = 0;
        } else if (family == LinuxSyscalls.AF_INET6 && length >= MessageBatch.NAME_CAPACITY) {
            high = names.get(NET_LONG, offset + 8);
            low = names.get(NET_LONG, offset + 16);
            scope = high == 0 && (low >>> 32) == 0xffff ? 0 : names.get(JAVA_INT, offset + 24);
        } else {
            throw new TransportException("a datagram from an address of family " + family + ", length " + length);
        }
        int port = Short.toUnsignedInt(names.get(NET_SHORT, offset + 2));
        return lookup(high, low, port, scope);
    }

    /**
     * Writes {@code to} as this socket's sockaddr at {@code offset}; returns its length, or -1
     * when this socket cannot reach it (IPv6 from an IPv4 socket, an unresolved name).
     */
    int encode(InetSocketAddress to, MemorySegment names, long offset) {
        Key key = encoded.get(to);
        if (key == null) {
            if (to.isUnresolved()) {
                return -1;
            }
            key = keyOf(to);
            if (encoded.size() >= MAX_CAPACITY / 2) {
                encoded.clear();
            }
            encoded.put(to, key);
        }
        if (socketFamily == LinuxSyscalls.AF_INET6) {
            names.set(JAVA_SHORT, offset, (short) LinuxSyscalls.AF_INET6);
            names.set(NET_SHORT, offset + 2, (short) key.port());
            names.set(JAVA_INT, offset + 4, 0); // flow info
            names.set(NET_LONG, offset + 8, key.high());
            names.set(NET_LONG, offset + 16, key.low());
            names.set(JAVA_INT, offset + 24, key.isIpv4() ? 0 : key.scope());
            return MessageBatch.NAME_CAPACITY;
        }
        if (!key.isIpv4()) {
            return -1;
        }
        names.set(JAVA_SHORT, offset, (short) LinuxSyscalls.AF_INET);
        names.set(NET_SHORT, offset + 2, (short) key.port());
        names.set(NET_INT, offset + 4, (int) key.low());
        names.set(JAVA_LONG, offset + 8, 0L); // sin_zero
        return 16;
    }

    private InetSocketAddress lookup(long high, long low, int port, int scope) {
        long tail = (long) scope << 32 | port;
        int mask = values.length - 1;
        for (int i = slot(high, low, tail, mask); ; i = (i + 1) & mask) {
            InetSocketAddress value = values[i];
            if (value == null) {
                if ((size + 1) * 2 > values.length) {
                    // Half full: grow while small, else start over (peers still talking come back).
                    allocate(values.length < MAX_CAPACITY ? values.length * 2 : values.length);
                    return lookup(high, low, port, scope);
                }
                InetSocketAddress address = addressOf(new Key(high, low, port, scope));
                highs[i] = high;
                lows[i] = low;
                tails[i] = tail;
                values[i] = address;
                size++;
                return address;
            }
            if (highs[i] == high && lows[i] == low && tails[i] == tail) {
                return value;
            }
        }
    }

    private void allocate(int capacity) {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        long[] oldTails = tails;
        InetSocketAddress[] oldValues = values;
        highs = new long[capacity];
        lows = new long[capacity];
        tails = new long[capacity];
        values = new InetSocketAddress[capacity];
        size = 0;
        if (oldValues == null || capacity == oldValues.length) {
            return;
        }
        int mask = capacity - 1;
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldHighs[j], oldLows[j], oldTails[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                highs[i] = oldHighs[j];
                lows[i] = oldLows[j];
                tails[i] = oldTails[j];
                values[i] = oldValues[j];
                size++;
            }
        }
    }

    private static int slot(long high, long low, long tail, int mask) {
        long h = (low * 0x9E37_79B9_7F4A_7C15L) ^ (high * 0xC2B2_AE3D_27D4_EB4FL) ^ (tail * 0x1656_67B1_9E37_79F9L);
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static Key keyOf(InetSocketAddress to) {
        InetAddress address = to.getAddress();
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            long ipv4 = (bytes[0] & 0xffL) << 24 | (bytes[1] & 0xffL) << 16 | (bytes[2] & 0xffL) << 8 | bytes[3] & 0xffL;
            return new Key(0, MAPPED_PREFIX | ipv4, to.getPort(), 0);
        }
        int scope = address instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        return new Key(half(bytes, 0), half(bytes, 8), to.getPort(), scope);
    }

    private static InetSocketAddress addressOf(Key key) {
        try {
            if (key.isIpv4()) {
                int v4 = (int) key.low();
                return new InetSocketAddress(InetAddress.getByAddress(
                        new byte[] {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4}), key.port());
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (key.high() >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (key.low() >>> (56 - 8 * i));
            }
            InetAddress address = key.scope() != 0
                    ? Inet6Address.getByAddress(null, bytes, key.scope()) : InetAddress.getByAddress(bytes);
            return new InetSocketAddress(address, key.port());
        } catch (UnknownHostException e) {
            throw new TransportException("an address of impossible length", e); // 4 or 16 bytes: cannot happen
        }
    }

    private static long half(byte[] bytes, int from) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[from + i] & 0xffL);
        }
        return value;
    }

    /** For tests: how many received addresses are cached. */
    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "SocketAddressCache{size=" + size + ", capacity=" + values.length + ", encoded=" + encoded.size()
                + ", socketFamily=" + socketFamily + "}";
    }
}
