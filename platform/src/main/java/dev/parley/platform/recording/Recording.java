package dev.parley.platform.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One recording of a call or room, with its participants and files. {@code compose} is whether
 * the account asked for a mixed file when the recording began; {@code interrupted} is true when
 * the server stopped while it was recording and its files were finalised at the next start.
 */
public record Recording(String id, String accountId, String callId, CallType callType, RecordingType recordingType,
                        Optional<String> room, List<Participant> participants, RecordingStatus status,
                        Optional<String> failureReason, boolean interrupted, boolean compose, Instant start,
                        Optional<Instant> end, List<RecordingFile> files) {

    public Recording {
        participants = List.copyOf(participants);
        files = List.copyOf(files);
    }

    /** The participants' files, in the order they started. */
    public List<RecordingFile> participantFiles() {
        return files.stream().filter(file -> file.kind() == FileKind.PARTICIPANT).toList();
    }

    /** The mixed file, once composition has made it. */
    public Optional<RecordingFile> composedFile() {
        return files.stream().filter(file -> file.kind() == FileKind.COMPOSED).findFirst();
    }
}
