package dev.parley.media.testing;

import dev.parley.media.MediaServer;
import dev.parley.media.Peer;
import dev.parley.protocol.demux.PacketKind;
import dev.parley.protocol.dtls.DtlsCertificate;
import dev.parley.protocol.dtls.DtlsConnection;
import dev.parley.protocol.dtls.DtlsFingerprint;
import dev.parley.protocol.dtls.DtlsResult;
import dev.parley.protocol.dtls.DtlsRole;
import dev.parley.protocol.dtls.DtlsSrtpProfile;
import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.rtp.RtpHeaders;
import dev.parley.protocol.sdp.Candidate;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.SessionDescription;
import dev.parley.protocol.srtp.SrtpProfile;
import dev.parley.protocol.srtp.SrtpSession;
import dev.parley.protocol.stun.StunAttribute;
import dev.parley.protocol.stun.StunClass;
import dev.parley.protocol.stun.StunMessage;
import dev.parley.protocol.stun.TransactionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A WebRTC peer built from Parley's own protocol module, for tests and the load harness:
 * it makes an offer, checks the answer's candidate with ICE (as the controlling agent),
 * runs the DTLS client, and then sends and receives SRTP over loopback like a browser would,
 * without any codec. It publishes one Opus-like and one VP8-like stream, or receives
 * {@code playSections} of each kind.
 */
public final class SyntheticPeer implements AutoCloseable {

    public static final long AUDIO_SSRC = 0x1111_0001L;
    public static final long VIDEO_SSRC = 0x2222_0001L;
    public static final long VIDEO_RTX_SSRC = 0x2222_0002L;
    public static final int AUDIO_PT = 111;
    public static final int VIDEO_PT = 96;
    /** telephone-event/48000 in the publish offer (which also offers the 8 kHz one, as browsers do). */
    public static final int TELEPHONE_EVENT_PT = 126;
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    /** Replaced by {@link #restartIce}, as a client that changed network gets a new socket. */
    private volatile DatagramChannel socket;
    private volatile IceCredentials ice = IceCredentials.random();
    private volatile Thread receiver;
    private volatile CountDownLatch iceDone = new CountDownLatch(1);
    /** Writes this peer's offer (with the current ICE credentials); null when Parley offers. */
    private java.util.function.Supplier<String> ownOffer;
    private final AtomicLong rtpReceived = new AtomicLong();
    private final AtomicLong rtcpReceived = new AtomicLong();
    private final byte[] sendBuffer = new byte[1600];
    private final ByteBuffer sendBytes = ByteBuffer.allocateDirect(1600);
    private volatile boolean closed;
    private volatile DtlsConnection dtls;
    private volatile SrtpSession srtpIn;
    private volatile boolean decryptIncoming = true;
    private volatile boolean parked;
    private volatile LongConsumer onPayloadTimestamp = t -> { };
    private volatile java.util.function.Consumer<Received> onRtp = r -> { };
    private InetSocketAddress server;
    private SrtpSession srtpOut;
    private String peerId;
    private volatile MediaServer.Offer lastOffer;
    /** Per SSRC of Parley's sender reports: {compact NTP of the last one, System.nanoTime() at arrival}. */
    private final java.util.Map<Long, long[]> lastSenderReports = new java.util.concurrent.ConcurrentHashMap<>();
    private String answerSdp = "";
    private int audioSequence;
    private int videoSequence;

    private SyntheticPeer() {
        openSocket();
    }

    private void openSocket() {
        DatagramChannel channel;
        try {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 8 * 1024 * 1024);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        socket = channel;
        receiver = Thread.ofPlatform().daemon(true).name("synthetic-peer-rx").start(() -> receiveLoop(channel));
    }

    /** The local address of this peer's socket (it changes with {@link #restartIce}). */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) socket.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An ICE restart from a new socket, as a client whose network changed does: new ICE
     * credentials, a re-offer (its own, or Parley's when Parley offered), checks with
     * USE-CANDIDATE from the new address. DTLS and SRTP go on unchanged.
     */
    public void restartIce(MediaServer media) throws Exception {
        DatagramChannel old = socket;
        ice = IceCredentials.random();
        openSocket();
        old.close();
        String serverSdp;
        if (ownOffer != null) {
            serverSdp = media.restartIce(peerId, ownOffer.get()).get(10, TimeUnit.SECONDS).sdp();
            answerSdp = serverSdp;
        } else {
            MediaServer.Offer offer = media.restartIceOffer(peerId).get(10, TimeUnit.SECONDS);
            lastOffer = offer;
            media.acceptAnswer(peerId, answer(offer.sdp())).get(10, TimeUnit.SECONDS);
            serverSdp = offer.sdp();
        }
        checkConnectivity(serverSdp);
    }

    /** Parley's last offer to this peer, when Parley offered. */
    public MediaServer.Offer lastOffer() {
        return lastOffer;
    }

    /** Joins {@code room} on {@code media} as {@code participant}: publishing, or playing {@code playSections} of each kind. */
    public static SyntheticPeer join(MediaServer media, String room, String participant, Peer.Intent intent,
                                     int playSections) throws Exception {
        var peer = new SyntheticPeer();
        try {
            peer.connect(media, room, participant, intent, playSections);
            return peer;
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
    }

    /** Joins {@code room} by answering Parley's offer to receive {@code trackIds} (server-initiated negotiation). */
    public static SyntheticPeer receive(MediaServer media, String room, String participant, List<String> trackIds)
            throws Exception {
        var peer = new SyntheticPeer();
        try {
            MediaServer.Offer offer = media.offerTracks(room, participant, trackIds).get(10, TimeUnit.SECONDS);
            peer.peerId = offer.peerId();
            peer.lastOffer = offer;
            media.acceptAnswer(offer.peerId(), peer.answer(offer.sdp())).get(10, TimeUnit.SECONDS);
            peer.establish(offer.sdp());
            return peer;
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
    }

    /** Answers a later offer (renegotiation) on the same connection. */
    public void answerOffer(MediaServer media, MediaServer.Offer offer) throws Exception {
        lastOffer = offer;
        media.acceptAnswer(offer.peerId(), answer(offer.sdp())).get(10, TimeUnit.SECONDS);
    }

    /** An answer that takes every sending section of {@code offer}: same mids, codecs and extensions, recvonly. */
    private String answer(String offer) {
        SessionDescription description = SessionDescription.parse(offer).toOptional().orElseThrow();
        var sdp = new StringBuilder("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE");
        description.media().forEach(m -> sdp.append(' ').append(m.mid().orElseThrow()));
        sdp.append("\r\n");
        for (MediaDescription m : description.media()) {
            var codec = m.codecs().getFirst();
            sdp.append("m=").append(m.kind().sdpName()).append(" 9 UDP/TLS/RTP/SAVPF ").append(codec.payloadType())
                    .append("\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:").append(ice.ufrag())
                    .append("\r\na=ice-pwd:").append(ice.password())
                    .append("\r\na=fingerprint:").append(CERTIFICATE.fingerprint())
                    .append("\r\na=setup:active\r\na=mid:").append(m.mid().orElseThrow())
                    .append("\r\na=rtcp-mux\r\n")
                    .append(m.direction().map(d -> d.name().equals("INACTIVE")).orElse(false) ? "a=inactive" : "a=recvonly")
                    .append("\r\na=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name()).append('/')
                    .append(codec.clockRate()).append(codec.channels().isPresent() ? "/" + codec.channels().getAsInt() : "")
                    .append("\r\n");
        }
        return sdp.toString();
    }

    private void connect(MediaServer media, String room, String participant, Peer.Intent intent, int playSections)
            throws Exception {
        ownOffer = intent == Peer.Intent.PLAY ? () -> playOffer(playSections) : this::publishOffer;
        MediaServer.Answer answer = media.acceptOffer(room, participant, ownOffer.get(), intent).get(10, TimeUnit.SECONDS);
        peerId = answer.peerId();
        answerSdp = answer.sdp();
        establish(answer.sdp());
    }

    /** ICE and DTLS towards the server described by {@code serverSdp} (its offer or its answer). */
    private void establish(String serverSdp) throws Exception {
        SessionDescription description = SessionDescription.parse(serverSdp).toOptional().orElseThrow();
        var fingerprint = description.effectiveFingerprints(description.media().getFirst()).getFirst();
        dtls = new DtlsConnection(CERTIFICATE, DtlsRole.CLIENT,
                DtlsFingerprint.of(fingerprint.hashFunction(), fingerprint.value()).orElseThrow(),
                List.of(DtlsSrtpProfile.AES_CM_128_HMAC_SHA1_80, DtlsSrtpProfile.AEAD_AES_128_GCM), this::sendRaw);
        checkConnectivity(serverSdp);
        DtlsResult keys = dtls.handshake(Duration.ofSeconds(10));
        SrtpProfile profile = SrtpProfile.byId(keys.profileId()).orElseThrow();
        srtpOut = SrtpSession.sender(profile, keys.localKey(), keys.localSalt());
        srtpIn = SrtpSession.receiver(profile, keys.remoteKey(), keys.remoteSalt());
    }

    /** Nominates the server's loopback candidate with the ICE credentials of {@code serverSdp}, until it answers. */
    private void checkConnectivity(String serverSdp) throws InterruptedException {
        SessionDescription description = SessionDescription.parse(serverSdp).toOptional().orElseThrow();
        MediaDescription first = description.media().getFirst();
        Candidate candidate = first.candidates().stream()
                .filter(c -> c.address().equals("127.0.0.1")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no loopback candidate in " + serverSdp));
        server = new InetSocketAddress("127.0.0.1", candidate.port());
        var remoteIce = new IceCredentials(description.effectiveIceUfrag(first).orElseThrow(),
                description.effectiveIcePwd(first).orElseThrow());
        CountDownLatch iceDone = new CountDownLatch(1);
        this.iceDone = iceDone;
        for (int attempt = 0; attempt < 20 && iceDone.getCount() > 0; attempt++) {
            byte[] check = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST,
                            TransactionId.random(ThreadLocalRandom.current()))
                    .add(new StunAttribute.Username(remoteIce.ufrag() + ":" + ice.ufrag()))
                    .add(new StunAttribute.Priority(1853824767L))
                    .add(new StunAttribute.IceControlling(ThreadLocalRandom.current().nextLong()))
                    .add(new StunAttribute.UseCandidate())
                    .integrity(remoteIce.key())
                    .fingerprint()
                    .encode();
            sendRaw(check);
            iceDone.await(250, TimeUnit.MILLISECONDS);
        }
        if (iceDone.getCount() > 0) {
            throw new IllegalStateException("no ICE answer from " + server);
        }
    }

    public String peerId() {
        return peerId;
    }

    /** Parley's answer to this peer's offer ("" when Parley offered). */
    public String answerSdp() {
        return answerSdp;
    }

    /** One decrypted RTP packet from Parley. */
    public record Received(int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
    }

    /** Called with every decrypted incoming RTP packet (on the receiving thread). */
    public void onRtp(java.util.function.Consumer<Received> consumer) {
        onRtp = consumer;
    }

    /** Sends one audio packet carrying {@code payload} as it is (a real Opus frame, say) on the audio SSRC. */
    public void sendAudioPayload(byte[] payload, int length, long timestamp) {
        byte[] p = sendBuffer;
        p[0] = (byte) 0x80;
        p[1] = (byte) AUDIO_PT;
        RtpHeaders.setSequenceNumber(p, 0, audioSequence++ & 0xffff);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, AUDIO_SSRC);
        System.arraycopy(payload, 0, p, 12, length);
        sendRaw(p, srtpOut.protectRtp(p, 0, 12 + length));
    }

    /** Sends one video packet carrying {@code payload} as it is (a real VP8 payload with its descriptor, say). */
    public void sendVideoPayload(byte[] payload, long timestamp, boolean marker) {
        byte[] p = sendBuffer;
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | VIDEO_PT);
        RtpHeaders.setSequenceNumber(p, 0, videoSequence++ & 0xffff);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, VIDEO_SSRC);
        System.arraycopy(payload, 0, p, 12, payload.length);
        sendRaw(p, srtpOut.protectRtp(p, 0, 12 + payload.length));
    }

    /** Sends an RTCP sender report for {@code ssrc}: at wall-clock {@code ntp} (RFC 3550 §4) its timestamp was {@code rtpTimestamp}. */
    public void sendSenderReport(long ssrc, long ntp, long rtpTimestamp) {
        var report = new dev.parley.protocol.rtcp.SenderReport(ssrc, ntp, rtpTimestamp, 0, 0, List.of());
        byte[] p = new byte[200];
        int length = dev.parley.protocol.rtcp.RtcpPacket.writeCompound(List.of(report), p, 0);
        sendRaw(p, srtpOut.protectRtcp(p, 0, length));
    }

    /** Sends one audio packet with {@code payloadSize} bytes; the first 8 carry the send time in nanoseconds. */
    public void sendAudio(int payloadSize, long timestamp) {
        sendRtp(AUDIO_SSRC, AUDIO_PT, audioSequence++, timestamp, payloadSize, false, -1);
    }

    /** Loses the next audio packet on the way: its sequence number is used up and nothing is sent. */
    public void skipAudioSequence() {
        audioSequence++;
    }

    /** Sends one audio packet carrying an RFC 6464 audio level (0 loudest .. 127 silent). */
    public void sendAudio(int payloadSize, long timestamp, int level) {
        sendRtp(AUDIO_SSRC, AUDIO_PT, audioSequence++, timestamp, payloadSize, false, level);
    }

    /**
     * Sends one RFC 4733 telephone-event packet on the audio SSRC, in the audio's sequence
     * space, as RTCDTMFSender does: {@code timestamp} is the event's start, the same in every
     * packet of one event; {@code marker} is set on the first packet of an event.
     */
    public void sendTelephoneEvent(int event, long timestamp, boolean marker, boolean end, int duration) {
        byte[] p = sendBuffer;
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | TELEPHONE_EVENT_PT);
        RtpHeaders.setSequenceNumber(p, 0, audioSequence++ & 0xffff);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, AUDIO_SSRC);
        int length = new dev.parley.protocol.rtp.TelephoneEvent(event, end, 10, duration).writeTo(p, 12) + 12;
        sendRaw(p, srtpOut.protectRtp(p, 0, length));
    }

    /** One whole key press the way a browser sends it: a start, two updates, and the end three times. */
    public void sendDtmf(int event, long timestamp) {
        sendTelephoneEvent(event, timestamp, true, false, 960);
        sendTelephoneEvent(event, timestamp, false, false, 1920);
        sendTelephoneEvent(event, timestamp, false, false, 2880);
        for (int i = 0; i < 3; i++) {
            sendTelephoneEvent(event, timestamp, false, true, 3840);
        }
    }

    /** Sends one video packet; a keyframe's payload starts with a VP8 keyframe descriptor. */
    public void sendVideo(int payloadSize, long timestamp, boolean keyframe) {
        sendRtp(VIDEO_SSRC, VIDEO_PT, videoSequence++, timestamp, payloadSize, keyframe, -1);
    }

    private void sendRtp(long ssrc, int payloadType, int sequence, long timestamp, int payloadSize, boolean keyframe,
                         int audioLevel) {
        byte[] p = sendBuffer;
        p[0] = (byte) (audioLevel >= 0 ? 0x90 : 0x80);
        p[1] = (byte) payloadType;
        RtpHeaders.setSequenceNumber(p, 0, sequence & 0xffff);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, ssrc);
        int header = 12;
        if (audioLevel >= 0) { // one-byte extension block: id 2 (ssrc-audio-level in our offer), voice flag set
            p[12] = (byte) 0xBE;
            p[13] = (byte) 0xDE;
            p[14] = 0;
            p[15] = 1;
            p[16] = 2 << 4;
            p[17] = (byte) (0x80 | audioLevel);
            p[18] = 0;
            p[19] = 0;
            header = 20;
        }
        int payload = Math.max(payloadSize, 10);
        java.util.Arrays.fill(p, header, header + payload, (byte) 0x42);
        if (payloadType == VIDEO_PT) {
            p[header] = 0x10;                              // VP8 descriptor: S=1, PID=0
            p[header + 1] = (byte) (keyframe ? 0x00 : 0x01); // P bit clear on keyframes
        }
        ByteBuffer.wrap(p, header + 2, 8).putLong(System.nanoTime());
        int length = srtpOut.protectRtp(p, 0, header + payload);
        sendRaw(p, length);
    }

    /**
     * Sends a receiver report about Parley's stream {@code ssrc} with {@code fractionLost}
     * (0..255) and {@code jitter} (timestamp units), echoing its last sender report (LSR) with
     * a DLSR {@code hiddenDelayMillis} shorter than the time really spent, so Parley measures
     * about that much more round-trip time than loopback has.
     */
    public void sendReceiverReport(long ssrc, int fractionLost, long jitter, long hiddenDelayMillis) {
        long[] sr = lastSenderReports.get(ssrc);
        long held = sr == null ? 0 : hiddenDelayMillis * 1_000_000L - (System.nanoTime() - sr[1]);
        if (held > 0) { // the report must be at least that late for a DLSR that much shorter
            java.util.concurrent.locks.LockSupport.parkNanos(held);
        }
        long lsr = sr == null ? 0 : sr[0];
        long dlsr = sr == null ? 0 : dev.parley.protocol.rtcp.NtpTime.compactFromDuration(
                Duration.ofNanos(System.nanoTime() - sr[1]).minusMillis(hiddenDelayMillis));
        var report = new dev.parley.protocol.rtcp.ReceiverReport(0x5151_5151L, List.of(
                new dev.parley.protocol.rtcp.ReportBlock(ssrc, fractionLost, 0, 0, jitter, lsr, dlsr)));
        byte[] p = new byte[200];
        int length = dev.parley.protocol.rtcp.RtcpPacket.writeCompound(List.of(report), p, 0);
        sendRaw(p, srtpOut.protectRtcp(p, 0, length));
    }

    /** Whether a sender report of Parley's about {@code ssrc} has arrived. */
    public boolean hasSenderReportFor(long ssrc) {
        return lastSenderReports.containsKey(ssrc);
    }

    /** Received RTP (and RTCP) datagrams so far. */
    public long rtpReceived() {
        return rtpReceived.get();
    }

    public long rtcpReceived() {
        return rtcpReceived.get();
    }

    /** Whether incoming SRTP is decrypted (needed for latency) or only counted (cheaper, for load). */
    public void decryptIncoming(boolean decrypt) {
        decryptIncoming = decrypt;
    }

    /**
     * Stops reading the socket (the kernel queues, then drops). For load tests: over loopback a
     * reader blocked in receive is woken by the sender's system call, so a sleeping reader makes
     * the SFU pay for waking it, which a real network card would not.
     */
    public void park(boolean park) {
        parked = park;
    }

    /** Called with the send time carried by each decrypted incoming packet. */
    public void onPayloadTimestamp(LongConsumer consumer) {
        onPayloadTimestamp = consumer;
    }

    @Override
    public void close() {
        closed = true;
        if (dtls != null) {
            dtls.close();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendRaw(byte[] datagram) {
        sendRaw(datagram, datagram.length);
    }

    private synchronized void sendRaw(byte[] datagram, int length) {
        sendBytes.clear();
        sendBytes.put(datagram, 0, length).flip();
        try {
            socket.send(sendBytes, server);
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void receiveLoop(DatagramChannel socket) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        byte[] bytes = new byte[2048];
        while (!closed) {
            if (parked) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                continue;
            }
            try {
                buffer.clear();
                socket.receive(buffer);
                buffer.flip();
                int length = buffer.remaining();
                buffer.get(bytes, 0, length);
                onDatagram(bytes, length);
            } catch (IOException e) {
                return; // closed
            } catch (RuntimeException e) {
                // a bad datagram must not stop the peer
            }
        }
    }

    private void onDatagram(byte[] b, int length) {
        switch (PacketKind.classify(b, 0, length)) {
            case STUN -> StunMessage.parse(b, 0, length)
                    .filter(m -> m.messageClass() == StunClass.SUCCESS_RESPONSE)
                    .ifPresent(m -> iceDone.countDown());
            case DTLS -> dtls.receive(b, 0, length);
            case RTP -> {
                rtpReceived.incrementAndGet();
                SrtpSession in = srtpIn;
                if (decryptIncoming && in != null) {
                    int plain = in.unprotectRtp(b, 0, length);
                    int header = plain > 0 ? RtpHeaders.headerLength(b, 0, plain) : -1;
                    if (header > 0 && plain - header >= 10) {
                        onPayloadTimestamp.accept(ByteBuffer.wrap(b, header + 2, 8).getLong());
                    }
                    if (header > 0) {
                        onRtp.accept(new Received(RtpHeaders.payloadType(b, 0), RtpHeaders.sequenceNumber(b, 0),
                                RtpHeaders.timestamp(b, 0), RtpHeaders.ssrc(b, 0),
                                java.util.Arrays.copyOfRange(b, header, plain - RtpHeaders.paddingLength(b, 0, plain))));
                    }
                }
            }
            case RTCP -> {
                rtcpReceived.incrementAndGet();
                SrtpSession in = srtpIn;
                int plain = in == null ? -1 : in.unprotectRtcp(b, 0, length);
                if (plain > 0) {
                    long arrival = System.nanoTime();
                    dev.parley.protocol.rtcp.RtcpPacket.parseCompound(b, 0, plain).ifPresent(packets -> packets.forEach(
                            packet -> {
                                if (packet instanceof dev.parley.protocol.rtcp.SenderReport sr) {
                                    lastSenderReports.put(sr.ssrc(), new long[] {
                                            dev.parley.protocol.rtcp.NtpTime.compact(sr.ntpTimestamp()), arrival});
                                }
                            }));
                }
            }
            default -> {
            }
        }
    }

    private String transport(String mid) {
        return "c=IN IP4 0.0.0.0\r\na=ice-ufrag:" + ice.ufrag() + "\r\na=ice-pwd:" + ice.password() + "\r\n"
                + "a=fingerprint:" + CERTIFICATE.fingerprint() + "\r\na=setup:actpass\r\na=mid:" + mid + "\r\n"
                + "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n";
    }

    private String publishOffer() {
        return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\na=msid-semantic: WMS s\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111 126 110\r\n" + transport("0")
                + "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=sendonly\r\na=msid:s a0\r\n"
                + "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
                + "a=rtpmap:126 telephone-event/48000\r\na=fmtp:126 0-15\r\n"
                + "a=rtpmap:110 telephone-event/8000\r\n"
                + "a=ssrc:" + AUDIO_SSRC + " cname:synthetic\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n" + transport("1")
                + "a=sendonly\r\na=msid:s v0\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
                + "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
                + "a=ssrc-group:FID " + VIDEO_SSRC + " " + VIDEO_RTX_SSRC + "\r\n"
                + "a=ssrc:" + VIDEO_SSRC + " cname:synthetic\r\na=ssrc:" + VIDEO_RTX_SSRC + " cname:synthetic\r\n";
    }

    private String playOffer(int sections) {
        var sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE");
        for (int i = 0; i < 2 * sections; i++) {
            sdp.append(' ').append(i);
        }
        sdp.append("\r\n");
        for (int i = 0; i < sections; i++) {
            sdp.append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n").append(transport(Integer.toString(2 * i)))
                    .append("a=recvonly\r\na=rtpmap:111 opus/48000/2\r\n");
            sdp.append("m=video 9 UDP/TLS/RTP/SAVPF 96\r\n").append(transport(Integer.toString(2 * i + 1)))
                    .append("a=recvonly\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n");
        }
        return sdp.toString();
    }
}
