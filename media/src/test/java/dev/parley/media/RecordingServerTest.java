package dev.parley.media;

import static dev.parley.media.MediaServerTest.awaitConnected;
import static dev.parley.media.MediaServerTest.start;
import static dev.parley.media.MediaServerTest.waitUntil;
import static dev.parley.media.testing.Ffprobe.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.codec.OpusCodec;
import dev.parley.media.recording.RecordedFile;
import dev.parley.media.recording.RecordingFiles;
import dev.parley.media.recording.RecordingListener;
import dev.parley.media.recording.RecordingSpec;
import dev.parley.media.recording.RoomRecording;
import dev.parley.media.testing.EncodedMedia;
import dev.parley.media.testing.FakePhone;
import dev.parley.media.testing.Ffprobe;
import dev.parley.media.testing.SyntheticPeer;
import dev.parley.media.testing.Tones;
import dev.parley.protocol.rtcp.NtpTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder in the media server, with synthetic WebRTC peers publishing real Opus and VP8
 * over loopback and a fake phone publishing G.711; ffprobe judges the files.
 */
class RecordingServerTest {

    @TempDir
    Path dir;

    static List<EncodedMedia.Frame> vp8;

    @BeforeAll
    static void media() {
        Ffprobe.assumeAvailable();
        vp8 = EncodedMedia.vp8(320, 240, 30, 90, 30);
    }

    /** Collects what the recorder reports. */
    static final class Heard implements RecordingListener {
        final List<RecordedFile> started = new CopyOnWriteArrayList<>();
        final List<RecordedFile> finished = new CopyOnWriteArrayList<>();

        @Override
        public void onFileStarted(RecordedFile file) {
            started.add(file);
        }

        @Override
        public void onFileFinished(RecordedFile file) {
            finished.add(file);
        }
    }

    @Test
    void everyPublisherGetsAFileThatPlaysInSyncAndNothingIsLeftBehind() throws Exception {
        MediaServer media = start();
        var heard = new Heard();
        Path copy = dir.resolve("alice-while-recording.webm");
        try (var alice = SyntheticPeer.join(media, "acc/rec", "alice", Peer.Intent.PUBLISH, 0);
             var bob = SyntheticPeer.join(media, "acc/rec", "bob/laptop", Peer.Intent.PUBLISH, 0)) {
            awaitConnected(media, "acc/rec", 2);
            RoomRecording recording = media.startRecording("acc/rec",
                    RecordingSpec.audioAndVideo(dir.resolve("out"), "call1"), heard).get(5, TimeUnit.SECONDS);
            long ntp = NtpTime.fromInstant(Instant.now());
            for (SyntheticPeer peer : List.of(alice, bob)) {
                peer.sendSenderReport(SyntheticPeer.AUDIO_SSRC, ntp, 0);
                peer.sendSenderReport(SyntheticPeer.VIDEO_SSRC, ntp, 0);
            }
            Thread.sleep(50);
            // 3 s of both; bob's camera comes on after 1 s. Halfway, copy alice's file as a kill would leave it.
            publish(List.of(alice, bob), 150, () -> {
                try {
                    waitUntil(() -> heard.started.size() == 2, 3000);
                    Path alicePath = heard.started.stream().filter(f -> f.participant().equals("alice")).findFirst()
                            .orElseThrow().path();
                    Files.copy(alicePath, copy); // what a kill now would leave
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long plis = media.withRoom("acc/rec", r -> r.tracks().stream()
                    .filter(t -> t.kind() == dev.parley.media.sfu.MediaKind.VIDEO)
                    .mapToLong(t -> t.stats().keyframeRequestsSent()).min().orElse(0)).get(5, TimeUnit.SECONDS).orElseThrow();
            assertTrue(plis >= 1, "the recording asked every camera for a keyframe");
            Map<String, Integer> live = media.census().get(5, TimeUnit.SECONDS);
            assertEquals(1, live.get("recordings"));
            assertEquals(4, live.get("recordingTaps"));
            assertEquals(2, live.get("recordingWriters"));
            var state = media.debugState().get(5, TimeUnit.SECONDS);
            assertTrue(state.get("recordings").toString().contains("framesWritten"), state.toString());

            List<RecordedFile> files = media.stopRecording(recording.id()).get(10, TimeUnit.SECONDS);
            assertEquals(2, files.size(), files.toString());
            assertEquals(Map.of("alice", "call1-alice.webm", "bob/laptop", "call1-bob_laptop.webm"),
                    Map.of(files.get(0).participant(), files.get(0).path().getFileName().toString(),
                            files.get(1).participant(), files.get(1).path().getFileName().toString()));
            assertEquals(files.stream().map(RecordedFile::path).sorted().toList(),
                    heard.finished.stream().map(RecordedFile::path).sorted().toList());
            for (RecordedFile file : files) {
                Map<String, String> probe = Ffprobe.probe(file.path());
                int audio = Ffprobe.stream(probe, "audio");
                int video = Ffprobe.stream(probe, "video");
                assertEquals("opus", probe.get("streams.stream." + audio + ".codec_name"), probe.toString());
                assertEquals("vp8", probe.get("streams.stream." + video + ".codec_name"));
                assertEquals("320", probe.get("streams.stream." + video + ".width"));
                assertEquals(3.0, number(probe, "format.duration"), 0.5, file + " " + probe);
                assertEquals(List.of("opus", "vp8"), file.codecs());
                double videoStart = Ffprobe.packetTimes(file.path(), "v").getFirst();
                double audioStart = Ffprobe.packetTimes(file.path(), "a").getFirst();
                List<Double> frames = Ffprobe.packetTimes(file.path(), "v");
                for (int i = 1; i < frames.size(); i++) {
                    assertEquals(1 / 30.0, frames.get(i) - frames.get(i - 1), 0.0021, "frame " + i + " keeps its capture time");
                }
                if (file.participant().equals("alice")) {
                    assertEquals(audioStart, videoStart, 0.1, "audio and video start together");
                } else {
                    assertEquals(1.0, videoStart - audioStart, 0.1, "bob's camera came on a second in, same file");
                }
                assertEquals("", Ffprobe.decodeErrors(file.path()));
            }

            assertFalse(Ffprobe.packetTimes(copy, "a").isEmpty(), "a copy taken while recording plays");
            var recovered = RecordingFiles.finalizeInterrupted(copy);
            assertTrue(recovered.duration().toMillis() > 0, recovered.toString());
            assertEquals(recovered.duration().toMillis() / 1000.0, number(Ffprobe.probe(copy), "format.duration"), 0.05);

            Map<String, Integer> after = media.census().get(5, TimeUnit.SECONDS);
            assertEquals(0, after.get("recordings"));
            assertEquals(0, after.get("recordingTaps"));
            assertEquals(0, after.get("recordingWriters"));
            int taps = media.withRoom("acc/rec", r -> r.tracks().stream().mapToInt(t -> t.tapCount()).sum())
                    .get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(0, taps, "no tap left on any track");
        } finally {
            media.close();
        }
        waitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("parley-recorder")), 5000);
    }

    @Test
    void aPhoneIsRecordedAsAudioAndTheRecordingEndsWithItsRoom() throws Exception {
        try (MediaServer media = start(); var phone = new FakePhone()) {
            var heard = new Heard();
            var leg = media.answerRtp("acc/phone-rec", "+15551230000", phone.sdp("0 101", "sendrecv", ""),
                    MediaServer.RtpOptions.g711()).get(5, TimeUnit.SECONDS);
            phone.sendTo(leg.sdp());
            RoomRecording recording = media.startRecording("acc/phone-rec",
                    RecordingSpec.audioAndVideo(dir, "call2"), heard).get(5, TimeUnit.SECONDS);
            phone.sendTone(440, 8000, 100, false, 20);
            media.closePeer(leg.peerId(), "hung up").get(5, TimeUnit.SECONDS); // the room's last peer
            List<RecordedFile> files = recording.finished().get(10, TimeUnit.SECONDS);
            assertEquals(1, files.size());
            RecordedFile file = files.getFirst();
            assertEquals("mka", file.format());
            assertEquals("call2-+15551230000.mka", file.path().getFileName().toString());
            assertFalse(file.video());
            Map<String, String> probe = Ffprobe.probe(file.path());
            assertEquals("pcm_mulaw", probe.get("streams.stream.0.codec_name"));
            assertEquals(2.0, number(probe, "format.duration"), 0.3, probe.toString());
            assertEquals(files, media.stopRecording(recording.id()).get(5, TimeUnit.SECONDS),
                    "stopping a recording whose room closed gives its files");
            assertEquals(0, media.census().get(5, TimeUnit.SECONDS).get("recordingWriters"));
        }
    }

    @Test
    void anAudioRecordingOfABrowserIsOggAndLeavesVideoOut() throws Exception {
        try (MediaServer media = start();
             var alice = SyntheticPeer.join(media, "acc/audio-rec", "alice", Peer.Intent.PUBLISH, 0)) {
            awaitConnected(media, "acc/audio-rec", 1);
            RoomRecording recording = media.startRecording("acc/audio-rec", RecordingSpec.audio(dir, "a"), new Heard())
                    .get(5, TimeUnit.SECONDS);
            publish(List.of(alice), 50, () -> { });
            List<RecordedFile> files = media.stopRecording(recording.id()).get(10, TimeUnit.SECONDS);
            assertEquals(1, files.size());
            assertEquals("ogg", files.getFirst().format());
            Map<String, String> probe = Ffprobe.probe(files.getFirst().path());
            assertEquals("opus", probe.get("streams.stream.0.codec_name"));
            assertEquals(-1, Ffprobe.stream(probe, "video"));
            assertEquals(1.0, number(probe, "format.duration"), 0.3);
        }
    }

    /**
     * Publishes {@code audioFrames} 20 ms of Opus from every peer, paced in real time, and VP8 at
     * 30 fps (the second peer's camera comes on after 1 s); {@code midway} runs halfway.
     */
    private static void publish(List<SyntheticPeer> peers, int audioFrames, Runnable midway) throws InterruptedException {
        var encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        byte[] packet = new byte[OpusCodec.MAX_PACKET];
        long begin = System.nanoTime();
        int videoFrame = 0;
        int[] cameraFrame = new int[peers.size()];
        for (int f = 0; f < audioFrames; f++) {
            int length = encoder.encode(Tones.sine(440, 48_000, 8000, f * 960L, 960), 0, 960, packet, 0);
            for (SyntheticPeer peer : peers) {
                peer.sendAudioPayload(packet, length, 960L * f);
            }
            long elapsedMs = f * 20L;
            while (videoFrame * 1000L / 30 <= elapsedMs) {
                for (int p = 0; p < peers.size(); p++) {
                    boolean cameraOn = p == 0 || elapsedMs >= 1000;
                    if (!cameraOn) {
                        continue;
                    }
                    int n = cameraFrame[p]++;
                    for (EncodedMedia.Payload payload : EncodedMedia.packetizeVp8(vp8.get(n % vp8.size()).data(), n)) {
                        peers.get(p).sendVideoPayload(payload.data(), 3000L * videoFrame, payload.marker());
                    }
                }
                videoFrame++;
            }
            if (f == audioFrames / 2) {
                midway.run();
            }
            long wait = begin + (f + 1) * 20_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        Thread.sleep(100);
    }
}
