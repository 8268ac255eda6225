package dev.parley.media.recording;

import static dev.parley.media.testing.Ffprobe.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.sfu.MediaKind;
import dev.parley.media.testing.EncodedMedia;
import dev.parley.media.testing.Ffprobe;
import dev.parley.protocol.rtcp.NtpTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer side of the recorder, fed real encoded media (Opus from Concentus, VP8 and H.264
 * from ffmpeg, packetized as browsers do) with simulated arrival times; ffprobe and ffmpeg
 * judge the files.
 */
class RecordingWriterTest {

    @TempDir
    Path dir;

    static List<byte[]> opus;
    static List<EncodedMedia.Frame> vp8;

    @BeforeAll
    static void media() {
        Ffprobe.assumeAvailable();
        opus = WriterFeed.opus(150);
        vp8 = EncodedMedia.vp8(320, 240, 30, 90, 30);
    }

    @Test
    void opusAndVp8MakeAWebmThatDecodesWithTheRightSizeAndDuration() throws Exception {
        var feed = new WriterFeed(dir, Container.WEBM, "webm");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.track(1, MediaKind.VIDEO, "vp8", 90_000);
        feed.opusStream(0, opus, 0, 5000);
        feed.vp8Stream(1, vp8, 30, 0, 30, 70_000);
        feed.run();
        RecordedFile file = feed.writer.finish().orElseThrow();

        Map<String, String> probe = Ffprobe.probe(file.path());
        assertTrue(probe.get("format.format_name").contains("webm"), probe.toString());
        assertEquals("opus", probe.get("streams.stream.0.codec_name"));
        assertEquals("vp8", probe.get("streams.stream.1.codec_name"));
        assertEquals("320", probe.get("streams.stream.1.width"));
        assertEquals("240", probe.get("streams.stream.1.height"));
        assertEquals(3.0, number(probe, "format.duration"), 0.15, probe.toString());
        assertEquals("", Ffprobe.decodeErrors(file.path()));
        assertEquals(List.of("opus", "vp8"), file.codecs());
        assertEquals("webm", file.format());
        assertTrue(file.video());
        assertEquals(List.of("track-0", "track-1"), file.trackIds());
        assertEquals(3.0, file.duration().toMillis() / 1000.0, 0.15);
        assertEquals(Files.size(file.path()), file.bytes());
        assertEquals(List.of(file.path()), feed.started.stream().map(RecordedFile::path).toList(), "started once");
        assertEquals(List.of(file), feed.finished);
        assertEquals(150 + 90, feed.counters.framesWritten.get());
    }

    @Test
    void h264GoesIntoMatroskaWithAnAvcConfigurationFromTheInBandSps() {
        var units = EncodedMedia.h264(320, 240, 30, 60, 30);
        var feed = new WriterFeed(dir, Container.MKV, "h264");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.track(1, MediaKind.VIDEO, "h264", 90_000);
        feed.opusStream(0, opus.subList(0, 100), 0, 0);
        feed.h264Stream(1, units, 30, 0, 0);
        feed.run();
        RecordedFile file = feed.writer.finish().orElseThrow();
        Map<String, String> probe = Ffprobe.probe(file.path());
        assertTrue(probe.get("format.format_name").startsWith("matroska"), probe.toString());
        int video = Ffprobe.stream(probe, "video");
        assertEquals("h264", probe.get("streams.stream." + video + ".codec_name"));
        assertEquals("320", probe.get("streams.stream." + video + ".width"));
        assertEquals("240", probe.get("streams.stream." + video + ".height"));
        assertEquals(2.0, number(probe, "format.duration"), 0.15);
        assertEquals("", Ffprobe.decodeErrors(file.path()));
        assertEquals(60, Ffprobe.packetTimes(file.path(), "v").size());
    }

    @Test
    void senderReportsLineAudioAndVideoUpThoughVideoArrivesLater() {
        // Both reports say: at NTP time T the audio was at 5000 and the video at 70000. Video
        // arrives 200 ms after audio captured at the same moment; the file must undo that.
        long ntp = NtpTime.fromInstant(Instant.parse("2026-12-06T11:59:59Z"));
        var feed = new WriterFeed(dir, Container.WEBM, "sync");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.track(1, MediaKind.VIDEO, "vp8", 90_000);
        feed.senderReport(0, 0, ntp, 5000);
        feed.senderReport(1, 1, ntp, 70_000);
        feed.opusStream(0, opus.subList(0, 100), 10, 5000);
        feed.vp8Stream(1, vp8.subList(0, 60), 30, 10, 200, 70_000);
        feed.run();
        RecordedFile file = feed.writer.finish().orElseThrow();
        List<Double> audio = Ffprobe.packetTimes(file.path(), "a");
        List<Double> video = Ffprobe.packetTimes(file.path(), "v");
        assertEquals(0.0, audio.getFirst(), 0.001);
        assertEquals(audio.getFirst(), video.getFirst(), 0.005, "the same NTP time is the same timecode");
        assertEquals(audio.get(50), video.get(30), 0.005, "one second later, still together");

        // Without reports the same streams are a capture-to-arrival apart.
        var unsynced = new WriterFeed(dir, Container.WEBM, "nosync");
        unsynced.track(0, MediaKind.AUDIO, "opus", 48_000);
        unsynced.track(1, MediaKind.VIDEO, "vp8", 90_000);
        unsynced.opusStream(0, opus.subList(0, 100), 10, 5000);
        unsynced.vp8Stream(1, vp8.subList(0, 60), 30, 10, 200, 70_000);
        unsynced.run();
        RecordedFile off = unsynced.writer.finish().orElseThrow();
        assertEquals(0.2, Ffprobe.packetTimes(off.path(), "v").getFirst(), 0.005);
    }

    @Test
    void aTwoSecondGapIsTwoSecondsInWebmAndInOgg() {
        for (Container container : List.of(Container.WEBM, Container.OGG)) {
            var feed = new WriterFeed(dir, container, "gap-" + container.extension);
            feed.track(0, MediaKind.AUDIO, "opus", 48_000);
            feed.opusStream(0, opus.subList(0, 50), 0, 0);                     // 0 .. 1 s
            feed.opusStream(0, opus.subList(50, 100), 3000, 3L * 48_000);       // 3 .. 4 s, timestamps went on
            feed.run();
            RecordedFile file = feed.writer.finish().orElseThrow();
            Map<String, String> probe = Ffprobe.probe(file.path());
            assertEquals(4.0, number(probe, "format.duration"), 0.05, container + ": " + probe);
            assertEquals(4.0, file.duration().toMillis() / 1000.0, 0.05);
            if (container == Container.WEBM) {
                List<Double> times = Ffprobe.packetTimes(file.path(), "a");
                assertEquals(2.0, times.get(50) - times.get(49) - 0.02, 0.001, "no blocks, then blocks 2 s later");
            }
            assertEquals("", Ffprobe.decodeErrors(file.path()), container.toString());
        }
    }

    @Test
    void aSenderWhoseTimestampsStoodStillThroughAGapStillGetsTheGap() {
        var feed = new WriterFeed(dir, Container.OGG, "still");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.opusStream(0, opus.subList(0, 50), 0, 0);
        feed.opusStream(0, opus.subList(50, 100), 3000, 50L * 960); // resumes where it stopped
        feed.run();
        RecordedFile file = feed.writer.finish().orElseThrow();
        assertEquals(4.0, number(Ffprobe.probe(file.path()), "format.duration"), 0.05);
    }

    @Test
    void g711GoesIntoMatroskaAudioThatFfmpegReadsAsPcm() {
        for (String codec : List.of("pcmu", "pcma")) {
            var feed = new WriterFeed(dir, Container.MKA, codec);
            feed.track(0, MediaKind.AUDIO, codec, 8000);
            for (int i = 0; i < 100; i++) {
                byte[] payload = new byte[160];
                java.util.Arrays.fill(payload, (byte) (codec.equals("pcmu") ? 0xFF : 0xD5));
                feed.packet(20L * i, 0, 160L * i, i == 0, payload);
            }
            feed.run();
            RecordedFile file = feed.writer.finish().orElseThrow();
            Map<String, String> probe = Ffprobe.probe(file.path());
            assertEquals(codec.equals("pcmu") ? "pcm_mulaw" : "pcm_alaw", probe.get("streams.stream.0.codec_name"));
            assertEquals("8000", probe.get("streams.stream.0.sample_rate"));
            assertEquals(2.0, number(probe, "format.duration"), 0.05);
            assertEquals("mka", file.format());
            assertEquals("", Ffprobe.decodeErrors(file.path()));
        }
    }

    @Test
    void aLostVideoPacketDropsFramesUntilTheNextKeyframeAndAsksForOne() {
        var feed = new WriterFeed(dir, Container.WEBM, "loss");
        feed.track(0, MediaKind.VIDEO, "vp8", 90_000);
        for (int f = 0; f < 60; f++) {
            var payloads = EncodedMedia.packetizeVp8(vp8.get(f).data(), f);
            for (int i = 0; i < payloads.size(); i++) {
                if (f == 10 && i == 0) {
                    feed.lose(0);
                    continue;
                }
                feed.packet(f * 33L, 0, 3000L * f, payloads.get(i).marker(), payloads.get(i).data());
            }
        }
        feed.run();
        RecordedFile file = feed.writer.finish().orElseThrow();
        assertEquals(List.of(0), feed.keyframeRequests, "one request, for slot 0");
        assertEquals(40, Ffprobe.packetTimes(file.path(), "v").size(), "frames 0-9 and 30-59: 10-29 waited for a keyframe");
        assertEquals("", Ffprobe.decodeErrors(file.path()));
        assertTrue(feed.counters.lostFrames.get() >= 1);
    }

    @Test
    void aFileCutAnywhereWhileWrittenParsesAndRecoveryFinalisesIt() throws Exception {
        var feed = new WriterFeed(dir, Container.WEBM, "killed");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.track(1, MediaKind.VIDEO, "vp8", 90_000);
        feed.opusStream(0, opus, 0, 0);
        feed.vp8Stream(1, vp8, 30, 0, 20, 0);
        feed.run();
        Path path = feed.writer.path().orElseThrow();
        byte[] whileWritten = Files.readAllBytes(path); // before finish: what a kill would leave
        feed.writer.abandon();

        Path copy = dir.resolve("copy.webm");
        Files.write(copy, whileWritten);
        assertFalse(Ffprobe.packetTimes(copy, "a").isEmpty(), "plays as it is");
        assertTrue(Ffprobe.probe(copy).containsKey("format.duration"), "the running Duration is there");
        var recovered = RecordingFiles.finalizeInterrupted(copy);
        assertEquals("", recovered.problem());
        assertFalse(recovered.wasFinished());
        assertEquals(3.0, recovered.duration().toMillis() / 1000.0, 1.6, "up to the last whole cluster");
        assertEquals(recovered.duration().toMillis() / 1000.0, number(Ffprobe.probe(copy), "format.duration"), 0.05);
        assertEquals("", Ffprobe.decodeErrors(copy));

        for (int cut : new int[] {0, 10, 60, 200, 2300, whileWritten.length / 3, whileWritten.length / 2,
                whileWritten.length - 7}) {
            Path piece = dir.resolve("cut-" + cut + ".webm");
            Files.write(piece, java.util.Arrays.copyOf(whileWritten, cut));
            var r = RecordingFiles.finalizeInterrupted(piece); // never throws
            if (cut > whileWritten.length / 3) {
                assertTrue(r.duration().toMillis() > 0, "cut at " + cut + ": " + r);
                assertTrue(Ffprobe.probe(piece).containsKey("format.duration"));
            }
        }
        var again = RecordingFiles.finalizeInterrupted(copy);
        assertTrue(again.wasFinished(), "a finished file is left alone");
    }

    @Test
    void anOggCutWhileWrittenIsRecoveredToItsLastWholePage() throws Exception {
        var feed = new WriterFeed(dir, Container.OGG, "killed");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.opusStream(0, opus, 0, 0);
        feed.run();
        byte[] bytes = Files.readAllBytes(feed.writer.path().orElseThrow());
        feed.writer.abandon();
        Path cut = dir.resolve("cut.ogg");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        var r = RecordingFiles.finalizeInterrupted(cut);
        assertEquals("", r.problem());
        assertTrue(r.duration().toMillis() >= 1000, r.toString());
        assertEquals(r.duration().toMillis() / 1000.0, number(Ffprobe.probe(cut), "format.duration"), 0.05);
        assertEquals("", Ffprobe.decodeErrors(cut));
        assertTrue(RecordingFiles.finalizeInterrupted(dir.resolve("missing.ogg")).problem().length() > 0);
    }

    @Test
    void junkFromAPublisherIsCountedAndTheFileStillFinishes() {
        var feed = new WriterFeed(dir, Container.MKV, "junk");
        feed.track(0, MediaKind.AUDIO, "opus", 48_000);
        feed.track(1, MediaKind.VIDEO, "h264", 90_000);
        feed.track(2, MediaKind.VIDEO, "vp8", 90_000);
        var random = new java.util.Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = new byte[random.nextInt(40)];
            random.nextBytes(junk);
            feed.packet(i, i % 3, random.nextInt(), random.nextBoolean(), junk);
        }
        feed.opusStream(0, opus.subList(0, 20), 3000, 0);
        feed.run();
        var file = feed.writer.finish(); // no exception on the way
        file.ifPresent(f -> assertTrue(Ffprobe.probe(f.path()).containsKey("format.duration")));
    }

    @Test
    void containersAreChosenForEverythingTheParticipantPublishes() {
        assertEquals(Container.WEBM, Container.choose(false, "opus", List.of("opus", "vp8")));
        assertEquals(Container.MKV, Container.choose(false, "opus", List.of("opus", "h264")), "H.264 is not WebM");
        assertEquals(Container.MKV, Container.choose(false, "pcmu", List.of("pcmu", "vp8")));
        assertEquals(Container.OGG, Container.choose(true, "opus", List.of("opus", "vp8")));
        assertEquals(Container.MKA, Container.choose(true, "pcma", List.of("pcma")));
        assertFalse(Container.OGG.accepts(MediaKind.VIDEO, "vp8"));
        assertFalse(Container.WEBM.accepts(MediaKind.VIDEO, "h264"));
        assertEquals("bob_laptop", FileNames.sanitize("bob/laptop"));
        assertEquals("_..secret", FileNames.sanitize("...secret"));
        assertEquals("J_rg_+49=x", FileNames.sanitize("Jörg +49=x"));
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsReportedOnceAndNothingThrows() throws Exception {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "a file where the directory should be");
        var errors = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var spec = new RecordingSpec(false, blocker.resolve("sub"), "rec");
        var writer = new FileWriter("alice", "rec-alice", spec, Container.OGG, new RecordingListener() {
            @Override
            public void onWriteError(String participant, Path path, java.io.IOException error) {
                errors.add(participant + " " + path.getFileName());
            }
        }, WriterFeed.BASE, WriterFeed.WALL, slot -> { }, new FileCounters());
        writer.addTrack(new TrackSpec(0, "t", MediaKind.AUDIO, "opus", 48_000, true));
        for (int i = 0; i < 100; i++) {
            writer.onPacket(0, new TrackInput.Packet(i, 960L * i, false, opus.get(i), WriterFeed.BASE + i * 20_000_000L));
        }
        writer.tick(WriterFeed.BASE + 5_000_000_000L);
        assertTrue(writer.finish().isEmpty());
        assertEquals(List.of("alice sub"), errors);
    }
}
