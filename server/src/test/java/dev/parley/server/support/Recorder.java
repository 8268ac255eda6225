package dev.parley.server.support;

import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.FileFormat;
import dev.parley.platform.recording.FileInfo;
import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingType;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.recording.StartedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plays the integrator and the media recorder against {@link Recordings}: begins a recording,
 * writes each participant's file where the service says, and reports it the way the recorder
 * does. The content is either real media (made by {@link MediaFiles}) or bytes a test chooses.
 */
public final class Recorder {

    /** One participant's file: its content, and where it lies on the recording's timeline. */
    public record Track(Participant participant, FileFormat format, List<String> codecs, Path content,
                        Duration offset, Duration length) {

        public static Track of(Participant participant, FileFormat format, List<String> codecs, Path content,
                               Duration offset, Duration length) {
            return new Track(participant, format, codecs, content, offset, length);
        }
    }

    private final Recordings recordings;

    public Recorder(Recordings recordings) {
        this.recordings = recordings;
    }

    public Recording begin(String accountId, CallType type, RecordingType recordingType, Optional<String> room,
                           List<Participant> participants) {
        return recordings.begin(accountId, "call-" + System.nanoTime(), type, recordingType, room, participants);
    }

    /** Begins, writes and closes every track, and finishes the recording at the end of the last one. */
    public Recording record(String accountId, CallType type, RecordingType recordingType, Optional<String> room,
                            List<Participant> participants, List<Track> tracks) {
        Recording recording = begin(accountId, type, recordingType, room, participants);
        Instant last = recording.start();
        for (Track track : tracks) {
            StartedFile started = start(recording, track);
            Instant end = recording.start().plus(track.offset()).plus(track.length());
            recordings.fileFinished(recording.id(), started.file().id(),
                    FileInfo.started(track.participant(), track.format(), track.codecs(),
                            recording.start().plus(track.offset())).finishedAt(end));
            last = end.isAfter(last) ? end : last;
        }
        return recordings.finish(recording.id(), last);
    }

    /** Registers and writes a track's file but leaves it open, as a recorder still running does. */
    public StartedFile start(Recording recording, Track track) {
        StartedFile started = recordings.fileStarted(recording.id(), FileInfo.started(track.participant(),
                track.format(), track.codecs(), recording.start().plus(track.offset())));
        try {
            Files.copy(track.content(), started.path(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started;
    }

    /** A file of {@code size} bytes that are not all alike, so a wrong range shows. */
    public static Path bytes(Path file, int size, long seed) {
        var random = new java.util.Random(seed);
        byte[] content = new byte[size];
        random.nextBytes(content);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static List<Participant> identities(String... names) {
        var participants = new ArrayList<Participant>();
        for (String name : names) {
            participants.add(Participant.identity(name));
        }
        return participants;
    }
}
