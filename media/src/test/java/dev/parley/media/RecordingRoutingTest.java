package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.media.codec.OpusCodec;
import dev.parley.media.loop.MediaLoop;
import dev.parley.media.recording.RecordedFile;
import dev.parley.media.recording.Recorder;
import dev.parley.media.recording.RecordingListener;
import dev.parley.media.recording.RecordingSpec;
import dev.parley.media.recording.RoomRecording;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PacketOutput;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.testing.EncodedMedia;
import dev.parley.media.testing.Ffprobe;
import dev.parley.media.testing.Tones;
import dev.parley.protocol.rtp.RtpHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which file each track goes to, with a room built on a media loop and packets handed to its
 * tracks directly (no network): a second camera (a screen share) gets a file of its own, a
 * codec change starts a new file, a camera that goes and comes back continues its file.
 */
class RecordingRoutingTest {

    @TempDir
    Path dir;

    static List<EncodedMedia.Frame> vp8;

    @BeforeAll
    static void media() {
        Ffprobe.assumeAvailable();
        vp8 = EncodedMedia.vp8(320, 240, 30, 30, 30);
    }

    /** Counts the keyframe requests (PLI) a publisher gets. */
    static final class Publisher implements PacketOutput {
        final AtomicInteger rtcp = new AtomicInteger();

        @Override
        public void sendRtp(byte[] buffer, int offset, int length) {
        }

        @Override
        public void sendRtcp(byte[] buffer, int offset, int length) {
            rtcp.incrementAndGet();
        }

        @Override
        public boolean isReady() {
            return true;
        }
    }

    @Test
    void aScreenShareGetsItsOwnFileACodecChangeANewOneAndACameraComingBackTheSame() throws Exception {
        var loop = new MediaLoop("test-media");
        var recorder = new Recorder(loop);
        var publisher = new Publisher();
        try {
            long t0 = loop.nanoTime();
            var setup = loop.call(() -> {
                var room = new Room("acc/route", loop, () -> { });
                var alice = new Peer("alice", room);
                var carol = new Peer("carol", room);
                room.addPeer(alice);
                room.addPeer(carol);
                var tracks = new ArrayList<PublishedTrack>();
                tracks.add(track(alice, "a-audio", MediaKind.AUDIO, "opus", 48_000, 111, 1, publisher));
                tracks.add(track(alice, "a-camera", MediaKind.VIDEO, "VP8", 90_000, 96, 2, publisher));
                tracks.add(track(carol, "c-pcmu", MediaKind.AUDIO, "PCMU", 8000, 0, 4, publisher));
                RoomRecording recording = recorder.start(room, RecordingSpec.audioAndVideo(dir, "r"),
                        new RecordingListener() { });
                return Map.entry(room, Map.entry(recording, tracks));
            }).get(5, TimeUnit.SECONDS);
            Room room = setup.getKey();
            RoomRecording recording = setup.getValue().getKey();
            List<PublishedTrack> tracks = setup.getValue().getValue();
            assertEquals(1, publisher.rtcp.get(), "a keyframe asked of the camera as recording starts");

            // One second: alice's voice and camera, carol's PCMU.
            feed(loop, tracks.get(0), tracks.get(1), t0, 0);
            feedG711(loop, tracks.get(2), t0, 0, 0);
            // Alice shares her screen while the camera runs; carol's phone moves to PCMA.
            var later = loop.call(() -> {
                Peer alice = room.peers().stream().filter(p -> p.participant().equals("alice")).findFirst().orElseThrow();
                Peer carol = room.peers().stream().filter(p -> p.participant().equals("carol")).findFirst().orElseThrow();
                var screen = track(alice, "a-screen", MediaKind.VIDEO, "VP8", 90_000, 96, 3, publisher);
                carol.unpublish(tracks.get(2));
                var pcma = track(carol, "c-pcma", MediaKind.AUDIO, "PCMA", 8000, 8, 5, publisher);
                return List.of(screen, pcma);
            }).get(5, TimeUnit.SECONDS);
            feed(loop, tracks.get(0), later.get(0), t0, 1000);
            feedG711(loop, later.get(1), t0, 1000, 8);
            // The camera goes away and another camera track of alice's comes: back into her first file.
            var camera2 = loop.call(() -> {
                Peer alice = room.peers().stream().filter(p -> p.participant().equals("alice")).findFirst().orElseThrow();
                alice.unpublish(tracks.get(1));
                return track(alice, "a-camera-2", MediaKind.VIDEO, "VP8", 90_000, 96, 6, publisher);
            }).get(5, TimeUnit.SECONDS);
            feed(loop, tracks.get(0), camera2, t0, 2000);

            List<RecordedFile> files = loop.call(() -> recorder.stop(recording.id())).get(5, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS).stream().sorted(Comparator.comparing(f -> f.path().getFileName())).toList();
            assertEquals(List.of("r-alice-2.webm", "r-alice.webm", "r-carol-2.mkv", "r-carol.mkv"),
                    files.stream().map(f -> f.path().getFileName().toString()).toList());
            assertEquals(List.of("a-screen"), files.get(0).trackIds());
            assertEquals(List.of("a-audio", "a-camera", "a-camera-2"), files.get(1).trackIds());
            assertEquals(List.of("pcma"), files.get(2).codecs());
            assertEquals(List.of("c-pcmu"), files.get(3).trackIds());
            var aliceMain = Ffprobe.probe(files.get(1).path());
            assertEquals(3.0, Ffprobe.number(aliceMain, "format.duration"), 0.15, aliceMain.toString());
            List<Double> camera = Ffprobe.packetTimes(files.get(1).path(), "v");
            assertEquals(60, camera.size(), "both cameras, one video track");
            assertEquals(2.0, camera.get(30), 0.02, "the second camera where it came: the second without one kept as time");
            assertEquals(null, aliceMain.get("streams.stream.2.codec_name"), "one audio and one video track: " + aliceMain);
            assertEquals(0.0, Ffprobe.packetTimes(files.get(0).path(), "v").getFirst(), 0.001,
                    "the screen's file is timed from its own first frame");
            assertEquals(1000, java.time.Duration.between(files.get(1).start(), files.get(0).start()).toMillis(), 20,
                    "and its start instant says when that was");
            assertEquals("pcm_alaw", Ffprobe.probe(files.get(2).path()).get("streams.stream.0.codec_name"));
            assertEquals(0, recorder.openLanes());
        } finally {
            recorder.close();
            loop.close();
        }
    }

    private static PublishedTrack track(Peer owner, String id, MediaKind kind, String codec, int clockRate, int pt,
                                        long ssrc, PacketOutput out) {
        var track = new PublishedTrack(new PublishedTrack.Source(id, owner.id(), kind, codec, clockRate, pt, ssrc, -1, -1,
                0, ""), owner.id(), out, 99);
        owner.publish(track);
        return track;
    }

    /** One second of Opus on {@code audio} and VP8 on {@code video} from {@code fromMillis}. */
    private static void feed(MediaLoop loop, PublishedTrack audio, PublishedTrack video, long t0, long fromMillis)
            throws Exception {
        var encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        byte[] opus = new byte[OpusCodec.MAX_PACKET];
        int sequence = (int) (fromMillis / 20);
        for (int f = 0; f < 50; f++) {
            int n = encoder.encode(Tones.sine(440, 48_000, 8000, f * 960L, 960), 0, 960, opus, 0);
            long at = t0 + (fromMillis + f * 20L) * 1_000_000L;
            onRtp(loop, audio, sequence + f, 48L * (fromMillis + f * 20L), false, java.util.Arrays.copyOf(opus, n), at);
        }
        int packet = 0;
        for (int f = 0; f < 30; f++) {
            long at = t0 + (fromMillis + f * 1000L / 30 + 10) * 1_000_000L;
            for (EncodedMedia.Payload p : EncodedMedia.packetizeVp8(vp8.get(f).data(), f)) {
                onRtp(loop, video, packet++, 90L * fromMillis + 3000L * f, p.marker(), p.data(), at);
            }
        }
    }

    private static void feedG711(MediaLoop loop, PublishedTrack track, long t0, long fromMillis, int pt) throws Exception {
        for (int i = 0; i < 50; i++) {
            byte[] payload = new byte[160];
            java.util.Arrays.fill(payload, (byte) (pt == 0 ? 0xFF : 0xD5));
            onRtp(loop, track, i, 8L * (fromMillis + 20L * i), false, payload, t0 + (fromMillis + 20L * i) * 1_000_000L);
        }
    }

    private static void onRtp(MediaLoop loop, PublishedTrack track, int sequence, long timestamp, boolean marker,
                              byte[] payload, long at) throws Exception {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | track.source().payloadType());
        RtpHeaders.setSequenceNumber(p, 0, sequence & 0xffff);
        RtpHeaders.setTimestamp(p, 0, timestamp);
        RtpHeaders.setSsrc(p, 0, track.source().ssrc());
        System.arraycopy(payload, 0, p, 12, payload.length);
        loop.call(() -> {
            track.onRtp(p, 0, p.length, 12, at);
            return null;
        }).get(5, TimeUnit.SECONDS);
    }
}
