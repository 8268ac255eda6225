package dev.parley.media.transport;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Socket addresses to and from the kernel's sockaddr bytes, cached. */
class SocketAddressCacheTest {

    private final Arena arena = Arena.ofAuto();
    private final MemorySegment names = arena.allocate(64, 8);

    @Test
    void ipv4RoundTripsOnAnIpv4SocketAsSockaddrIn() throws Exception {
        var cache = new SocketAddressCache(LinuxSyscalls.AF_INET);
        var address = new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 50_000);
        assertEquals(16, cache.encode(address, names, 0));
        assertArrayEquals(new byte[] {2, 0, (byte) 0xc3, 0x50, (byte) 192, 0, 2, 10, 0, 0, 0, 0, 0, 0, 0, 0},
                names.asSlice(0, 16).toArray(JAVA_BYTE));
        InetSocketAddress decoded = cache.decode(names, 0, 16);
        assertEquals(address, decoded);
        assertSame(decoded, cache.decode(names, 0, 16), "the same object for the same sender");
    }

    @Test
    void ipv4OnADualStackSocketIsMappedAndComesBackAsIpv4() throws Exception {
        var cache = new SocketAddressCache(LinuxSyscalls.AF_INET6);
        var address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40_000);
        assertEquals(28, cache.encode(address, names, 0));
        byte[] bytes = names.asSlice(0, 28).toArray(JAVA_BYTE);
        assertEquals(10, names.get(JAVA_SHORT, 0));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1},
                java.util.Arrays.copyOfRange(bytes, 8, 24));
        InetSocketAddress decoded = cache.decode(names, 0, 28);
        assertInstanceOf(Inet4Address.class, decoded.getAddress(), "as NIO gives it");
        assertEquals(address, decoded);
    }

    @Test
    void ipv6WithAScopeRoundTrips() throws Exception {
        var cache = new SocketAddressCache(LinuxSyscalls.AF_INET6);
        byte[] linkLocal = InetAddress.getByName("fe80::1:2:3:4").getAddress();
        var address = new InetSocketAddress(Inet6Address.getByAddress(null, linkLocal, 3), 5004);
        assertEquals(28, cache.encode(address, names, 0));
        InetSocketAddress decoded = cache.decode(names, 0, 28);
        assertEquals(address, decoded);
        assertEquals(3, ((Inet6Address) decoded.getAddress()).getScopeId());
    }

    @Test
    void ipv6CannotBeSentFromAnIpv4Socket() throws Exception {
        var cache = new SocketAddressCache(LinuxSyscalls.AF_INET);
        assertEquals(-1, cache.encode(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 9), names, 0));
        assertEquals(-1, cache.encode(InetSocketAddress.createUnresolved("example.invalid", 9), names, 0));
    }

    @Test
    void anAddressFamilyAUdpSocketNeverGivesIsRefused() {
        var cache = new SocketAddressCache(LinuxSyscalls.AF_INET6);
        names.set(JAVA_SHORT, 0, (short) 1); // AF_UNIX
        assertThrows(TransportException.class, () -> cache.decode(names, 0, 28));
        names.set(JAVA_SHORT, 0, (short) LinuxSyscalls.AF_INET6);
        assertThrows(TransportException.class, () -> cache.decode(names, 0, 16), "too short for sockaddr_in6");
    }

    @Test
    void manySendersGrowTheCacheThenItStartsOver() throws Exception {
        var cache = new SocketAddressCache(LinuxSyscalls.AF_INET);
        var encoder = new SocketAddressCache(LinuxSyscalls.AF_INET);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                var address = new InetSocketAddress(InetAddress.getByAddress(
                        new byte[] {10, (byte) (i >> 8), (byte) i, 1}), 1000 + i % 7);
                encoder.encode(address, names, 0);
                assertEquals(address, cache.decode(names, 0, 16));
            }
        }
        assertTrue(cache.size() <= 8192, "bounded: " + cache);
    }
}
