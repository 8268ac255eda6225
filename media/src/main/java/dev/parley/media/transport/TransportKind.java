package dev.parley.media.transport;

import java.util.Locale;

/**
 * How the media port talks to the kernel.
 *
 * <ul>
 *   <li>{@link #NIO}: a {@link java.nio.channels.DatagramChannel}, one system call per
 *       datagram; runs everywhere.</li>
 *   <li>{@link #BATCHED}: {@code recvmmsg}/{@code sendmmsg} through the FFM API, up to
 *       {@value BatchedUdpTransport#BATCH} datagrams per call; Linux on x86-64 or aarch64,
 *       with the JVM flags in {@link BatchedUdpTransport}.</li>
 *   <li>{@link #AUTO}: the system property {@value #PROPERTY} ({@code nio}, {@code batched}
 *       or {@code auto}) when set, else batched where it is available, else NIO.</li>
 * </ul>
 */
public enum TransportKind {
    AUTO, NIO, BATCHED;

    /** The system property that picks the transport when the settings say {@link #AUTO}. */
    public static final String PROPERTY = "parley.media.io";

    /** {@code nio}, {@code batched} or {@code auto}, in any case. */
    public static TransportKind parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> AUTO;
            case "nio" -> NIO;
            case "batched" -> BATCHED;
            default -> throw new TransportException(PROPERTY + " must be nio, batched or auto, not '" + value + "'");
        };
    }

    /** The name used in the property and in logs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
