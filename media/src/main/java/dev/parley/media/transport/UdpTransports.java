package dev.parley.media.transport;

import dev.parley.media.loop.MediaLoop;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the media port with the transport asked for, or the best one available; says which. */
public final class UdpTransports {

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransports.class);

    private UdpTransports() {
    }

    /**
     * Binds {@code bind} on {@code loop}. {@link TransportKind#AUTO} follows the system
     * property {@value TransportKind#PROPERTY} when set, else takes the batched transport
     * where it is available and NIO elsewhere. Asking for the batched transport where it is
     * unavailable fails with {@link TransportException}.
     */
    public static UdpTransport open(TransportKind requested, MediaLoop loop, InetSocketAddress bind, PacketSink sink) {
        TransportKind kind = requested == TransportKind.AUTO
                ? TransportKind.parse(System.getProperty(TransportKind.PROPERTY, "auto")) : requested;
        Optional<String> unavailable = BatchedUdpTransport.unavailableReason();
        UdpTransport transport = switch (kind) {
            case NIO -> NioUdpTransport.open(loop, bind, sink);
            case BATCHED -> BatchedUdpTransport.open(loop, bind, sink);
            case AUTO -> unavailable.isEmpty()
                    ? BatchedUdpTransport.open(loop, bind, sink) : NioUdpTransport.open(loop, bind, sink);
        };
        String why = kind != TransportKind.AUTO ? "as asked"
                : unavailable.map(reason -> "batched I/O unavailable: " + reason).orElse("available here");
        String how = transport.kind() == TransportKind.BATCHED
                ? "recvmmsg/sendmmsg, up to " + BatchedUdpTransport.BATCH + " datagrams per call"
                : "one system call per datagram";
        LOG.info("media port {}: {} transport ({}; {})", transport.localPort(), transport.kind().label(), how, why);
        return transport;
    }
}
