package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.media.recording.RecordedFile;
import dev.parley.media.recording.RecordingListener;
import dev.parley.media.recording.RecordingSpec;
import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.FileFormat;
import dev.parley.platform.recording.FileInfo;
import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingPolicy;
import dev.parley.platform.recording.RecordingType;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.signaling.ServerMessage;
import dev.parley.platform.telephony.E164;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording of a call or room (docs/recording.md). It starts once media flows and one
 * member's outcome records ({@link RecordingPolicy}), with the largest type any member present
 * asks for; from then on every member is recorded, later ones too, and each is told
 * ({@code recording-started}). The media server writes one file per participant into the
 * recording's directory; the rows follow on worker threads, so neither the conversation's
 * executor nor the media loop waits for the database. Conversation executor only.
 */
final class ConversationRecording {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationRecording.class);

    private final Conversation conversation;
    private final MediaServer media;
    private final Recordings recordings;
    /** The recording's rows, in order (a file's start before its end, every file before the finish). */
    private final SerialExecutor rows;
    private final Set<Member> told = new HashSet<>();
    private Optional<RecordingType> type = Optional.empty();
    /** The platform's recording, once its row exists. */
    private String recordingId;
    /** The media server's recording of the SFU room, once started. */
    private String mediaRecordingId;
    private Path directory;
    private RecordingType recordingType;
    /** A start of the media recording is in flight. */
    private boolean mediaStarting;
    private boolean stopped;

    ConversationRecording(Conversation conversation, MediaServer media, Recordings recordings, ExecutorService workers) {
        this.conversation = conversation;
        this.media = media;
        this.recordings = recordings;
        this.rows = new SerialExecutor(workers);
    }

    /** The members changed or media began to flow: start recording, or tell newcomers it runs. */
    void update() {
        if (stopped || !conversation.recordable()) {
            return;
        }
        if (type.isEmpty()) {
            type = RecordingPolicy.forConversation(conversation.members().stream().map(m -> m.recording).toList(),
                    conversation.audioOnlyRecording());
            type.ifPresent(this::start);
        }
        type.ifPresent(this::tell);
    }

    private void tell(RecordingType recordingType) {
        for (Member member : conversation.members()) {
            if (told.add(member)) {
                member.send(new ServerMessage.RecordingStarted(member.callId, recordingType.name()));
                if (recordingId != null) {
                    addParticipant(member);
                }
            }
        }
    }

    private void start(RecordingType recordingType) {
        String accountId = conversation.accountId;
        List<Participant> participants = conversation.members().stream().map(m -> participant(m.identity())).toList();
        Optional<String> room = conversation instanceof CallRoom callRoom ? Optional.of(callRoom.name) : Optional.empty();
        CallType callType = conversation.recordingCallType();
        String callId = conversation.recordingCallId();
        rows.execute(() -> {
            Recording recording;
            Path directory;
            try {
                recording = recordings.begin(accountId, callId, callType, recordingType, room, participants);
                directory = recordings.store().directory(recording.id());
            } catch (RuntimeException | java.io.IOException e) {
                LOG.error("the recording of {} could not begin", callId, e);
                return;
            }
            conversation.executor.execute(() -> begun(recording.id(), directory, recordingType));
        });
    }

    private void begun(String id, Path recordingDirectory, RecordingType type) {
        recordingId = id;
        directory = recordingDirectory;
        recordingType = type;
        if (stopped) {
            rows.execute(() -> recordings.finish(id, Instant.now()));
            return;
        }
        startMedia();
    }

    /** The SFU room's tracks changed: a recording waiting for the room to exist starts now. */
    void tracksChanged() {
        if (!stopped && recordingId != null && mediaRecordingId == null) {
            startMedia();
        }
    }

    private void startMedia() {
        if (mediaStarting || mediaRecordingId != null || stopped) {
            return;
        }
        mediaStarting = true;
        String id = recordingId;
        // Files are named by the platform's own file ids, the names it lists and serves them by.
        var spec = new RecordingSpec(recordingType == RecordingType.AUDIO_AND_VIDEO, directory, "rec",
                Optional.of(participant -> Recordings.newFileId()));
        media.startRecording(conversation.mediaRoomKey, spec, new Files(id)).whenCompleteAsync((started, failure) -> {
            mediaStarting = false;
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof dev.parley.media.recording.RecordingException) {
                    // Nobody has published yet, so the SFU room does not exist: the first track starts it.
                    LOG.debug("recording {} waits for {}: {}", id, conversation.mediaRoomKey, cause.getMessage());
                } else {
                    LOG.error("the media server could not record {}", conversation.mediaRoomKey, cause);
                }
                if (stopped) {
                    stopMedia(); // ended meanwhile: the row is finished without files
                }
                return;
            }
            mediaRecordingId = started.id();
            if (stopped) {
                stopMedia();
            }
        }, conversation.executor);
    }

    /** The rows of the files the media server writes (on a recorder thread: hand them to a worker). */
    private final class Files implements RecordingListener {
        private final String id;

        Files(String id) {
            this.id = id;
        }

        @Override
        public void onFileStarted(RecordedFile file) {
            rows.execute(() -> {
                try {
                    recordings.fileStarted(id, fileId(file), info(file));
                } catch (RuntimeException e) {
                    LOG.error("recording {}: file {} could not be registered", id, file.path(), e);
                }
            });
        }

        @Override
        public void onFileFinished(RecordedFile file) {
            rows.execute(() -> {
                try {
                    recordings.fileFinished(id, fileId(file), info(file).finishedAt(file.end()));
                } catch (RuntimeException e) {
                    LOG.error("recording {}: file {} could not be closed", id, file.path(), e);
                }
            });
        }
    }

    /** The conversation ended: the files are finalised, then the recording is finished (and composed). */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopMedia();
    }

    private void stopMedia() {
        if (recordingId == null || mediaStarting) {
            return; // begun() or the start in flight finishes it
        }
        if (mediaRecordingId == null) {
            String id = recordingId; // the media recording never started: nothing was published
            rows.execute(() -> recordings.finish(id, Instant.now()));
            return;
        }
        String id = recordingId;
        media.stopRecording(mediaRecordingId).whenCompleteAsync((files, failure) -> {
            if (failure != null) {
                LOG.warn("recording {} stopped with an error", id, failure);
            } else {
                for (RecordedFile file : files) {
                    try {
                        recordings.fileFinished(id, fileId(file), info(file).finishedAt(file.end()));
                    } catch (RuntimeException e) {
                        LOG.warn("recording {}: file {} could not be closed", id, file.path(), e);
                    }
                }
            }
            recordings.finish(id, Instant.now());
        }, rows);
    }

    private void addParticipant(Member member) {
        String id = recordingId;
        Participant participant = participant(member.identity());
        rows.execute(() -> {
            try {
                recordings.addParticipant(id, participant);
            } catch (RuntimeException e) {
                LOG.warn("recording {}: participant {} could not be added", id, participant, e);
            }
        });
    }

    private static String fileId(RecordedFile file) {
        String name = file.path().getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static FileInfo info(RecordedFile file) {
        FileFormat format = FileFormat.valueOf(file.format().toUpperCase(Locale.ROOT));
        return FileInfo.started(participant(file.participant()), format, file.codecs(), file.start());
    }

    /** How the recording lists a participant: a number, a SIP URI, or an identity (an app's client id). */
    static Participant participant(String name) {
        if (E164.isValid(name)) {
            return Participant.phoneNumber(name);
        }
        if (name.startsWith("sip:") || name.startsWith("sips:")) {
            return Participant.sipUri(name);
        }
        String identity = name.startsWith(dev.parley.platform.token.VerifiedIdentity.APPLICATION_PREFIX)
                ? name.substring(dev.parley.platform.token.VerifiedIdentity.APPLICATION_PREFIX.length()) : name;
        return Participant.identity(identity);
    }
}
