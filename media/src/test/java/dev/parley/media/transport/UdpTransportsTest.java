package dev.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.loop.MediaLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Which transport the media port gets. */
class UdpTransportsTest {

    @Test
    void kindsParseFromThePropertyValues() {
        assertEquals(TransportKind.NIO, TransportKind.parse("nio"));
        assertEquals(TransportKind.BATCHED, TransportKind.parse(" Batched "));
        assertEquals(TransportKind.AUTO, TransportKind.parse("auto"));
        var bad = assertThrows(TransportException.class, () -> TransportKind.parse("epoll"));
        assertTrue(bad.getMessage().contains(TransportKind.PROPERTY), bad.getMessage());
    }

    @Test
    void autoTakesBatchedHereAndThePropertyOverridesIt() {
        assertEquals("", BatchedUdpTransport.unavailableReason().orElse(""),
                "the test JVM has the flags (surefire argLine), so batched I/O is available");
        var bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (var loop = new MediaLoop("parley-media-test")) {
            try (UdpTransport auto = UdpTransports.open(TransportKind.AUTO, loop, bind, (b, off, len, from) -> { })) {
                assertEquals(TransportKind.BATCHED, auto.kind());
            }
            String before = System.getProperty(TransportKind.PROPERTY);
            System.setProperty(TransportKind.PROPERTY, "nio");
            try (UdpTransport forced = UdpTransports.open(TransportKind.AUTO, loop, bind, (b, off, len, from) -> { })) {
                assertEquals(TransportKind.NIO, forced.kind());
            } finally {
                if (before == null) {
                    System.clearProperty(TransportKind.PROPERTY);
                } else {
                    System.setProperty(TransportKind.PROPERTY, before);
                }
            }
        }
    }
}
