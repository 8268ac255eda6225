package dev.parley.media.testing;

import dev.parley.media.codec.G711;
import dev.parley.protocol.demux.PacketKind;
import dev.parley.protocol.rtcp.RtcpPacket;
import dev.parley.protocol.rtp.RtpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A SIP phone's media side for tests: a plain UDP socket on loopback that sends RTP (G.711
 * tones, RFC 4733 events, RTCP, garbage) to the media port and records what comes back. The
 * SDP it writes is what a softphone would put in its INVITE or 200.
 */
public final class FakePhone implements AutoCloseable {

    /** One RTP packet received from Parley. */
    public record Received(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload,
                           long arrivalNanos) {
    }

    private final DatagramChannel socket;
    private final Thread receiver;
    private final List<Received> rtp = new CopyOnWriteArrayList<>();
    private final List<List<RtcpPacket>> rtcp = new CopyOnWriteArrayList<>();
    private final long ssrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
    private volatile boolean closed;
    private InetSocketAddress server;
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private long timestamp = ThreadLocalRandom.current().nextLong(1L << 32);

    public FakePhone() {
        try {
            socket = DatagramChannel.open();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver = Thread.ofPlatform().daemon(true).name("fake-phone-rx").start(this::receiveLoop);
    }

    public int port() {
        try {
            return ((InetSocketAddress) socket.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long ssrc() {
        return ssrc;
    }

    /** Where this phone sends: the media port from Parley's SDP ({@code c=} and {@code m=}). */
    public void sendTo(String parleySdp) {
        String address = parleySdp.lines().filter(l -> l.startsWith("c=IN IP4 ")).findFirst().orElseThrow().substring(9);
        int port = Integer.parseInt(parleySdp.lines().filter(l -> l.startsWith("m=audio ")).findFirst().orElseThrow()
                .split(" ")[1]);
        server = new InetSocketAddress(address, port);
    }

    /** A softphone's SDP for this socket: {@code formats} like "0 8 101", with {@code extra} lines at the end. */
    public String sdp(String formats, String direction, String extra) {
        return sdpFor(port(), formats, direction, extra);
    }

    /** The same SDP, claiming another port (a phone behind NAT does not know its public one). */
    public static String sdpFor(int port, String formats, String direction, String extra) {
        var sdp = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        sdp.append("m=audio ").append(port).append(" RTP/AVP ").append(formats).append("\r\n");
        for (String f : formats.split(" ")) {
            switch (f) {
                case "0" -> sdp.append("a=rtpmap:0 PCMU/8000\r\n");
                case "8" -> sdp.append("a=rtpmap:8 PCMA/8000\r\n");
                case "96" -> sdp.append("a=rtpmap:96 opus/48000/2\r\n");
                case "101" -> sdp.append("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n");
                default -> { }
            }
        }
        sdp.append("a=ptime:20\r\na=").append(direction).append("\r\n").append(extra);
        return sdp.toString();
    }

    /** Sends {@code frames} 20 ms PCMU (or PCMA) frames of a sine, one every {@code paceMillis}; returns the PCM sent. */
    public short[] sendTone(double frequency, int amplitude, int frames, boolean alaw, long paceMillis) {
        short[] all = new short[frames * 160];
        for (int f = 0; f < frames; f++) {
            short[] pcm = Tones.sine(frequency, 8000, amplitude, (long) f * 160, 160);
            System.arraycopy(pcm, 0, all, f * 160, 160);
            byte[] payload = new byte[160];
            G711.encode(alaw, pcm, 0, payload, 0, 160);
            sendRtp(alaw ? 8 : 0, f == 0, payload);
            timestamp += 160;
            pause(paceMillis);
        }
        return all;
    }

    /** One RTP packet at the current timestamp (the next sequence number). */
    public void sendRtp(int payloadType, boolean marker, byte[] payload) {
        sendRtp(payloadType, marker, timestamp, payload);
    }

    public void sendRtp(int payloadType, boolean marker, long ts, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        RtpHeaders.setSequenceNumber(p, 0, sequence++);
        RtpHeaders.setTimestamp(p, 0, ts);
        RtpHeaders.setSsrc(p, 0, ssrc);
        System.arraycopy(payload, 0, p, 12, payload.length);
        sendRaw(p);
    }

    /** One key the way a phone sends it: start (marker), two updates, the end three times, all at one timestamp. */
    public void sendDtmf(int event) {
        long start = timestamp;
        int[] durations = {160, 480, 800};
        for (int i = 0; i < durations.length; i++) {
            sendRtp(101, i == 0, start, new dev.parley.protocol.rtp.TelephoneEvent(event, false, 10, durations[i]).encode());
        }
        for (int i = 0; i < 3; i++) {
            sendRtp(101, false, start, new dev.parley.protocol.rtp.TelephoneEvent(event, true, 10, 960).encode());
        }
        timestamp += 960;
    }

    public void sendRaw(byte[] datagram) {
        try {
            socket.send(ByteBuffer.wrap(datagram), server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendRtcp(List<RtcpPacket> compound) {
        sendRaw(RtcpPacket.encodeCompound(compound));
    }

    public List<Received> received() {
        return List.copyOf(rtp);
    }

    public List<Received> received(int payloadType) {
        return rtp.stream().filter(r -> r.payloadType() == payloadType).toList();
    }

    public List<List<RtcpPacket>> rtcp() {
        return List.copyOf(rtcp);
    }

    public void clear() {
        rtp.clear();
        rtcp.clear();
    }

    /** The PCM of the received G.711 packets of {@code payloadType}, in arrival order. */
    public short[] decodedAudio(int payloadType) {
        List<Received> packets = received(payloadType);
        int total = packets.stream().mapToInt(r -> r.payload().length).sum();
        short[] pcm = new short[total];
        int at = 0;
        for (Received r : packets) {
            G711.decode(payloadType == 8, r.payload(), 0, pcm, at, r.payload().length);
            at += r.payload().length;
        }
        return pcm;
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (!closed) {
            try {
                buffer.clear();
                socket.receive(buffer);
                buffer.flip();
                byte[] b = new byte[buffer.remaining()];
                buffer.get(b);
                long now = System.nanoTime();
                switch (PacketKind.classify(b, 0, b.length)) {
                    case RTP -> {
                        int header = RtpHeaders.headerLength(b, 0, b.length);
                        if (header > 0) {
                            rtp.add(new Received(RtpHeaders.payloadType(b, 0), RtpHeaders.marker(b, 0),
                                    RtpHeaders.sequenceNumber(b, 0), RtpHeaders.timestamp(b, 0), RtpHeaders.ssrc(b, 0),
                                    java.util.Arrays.copyOfRange(b, header, b.length), now));
                        }
                    }
                    case RTCP -> RtcpPacket.parseCompound(b).ifPresent(rtcp::add);
                    default -> { }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
            receiver.join(2000);
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
