package dev.parley.platform.recording;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import dev.parley.platform.store.StoreException;
import dev.parley.platform.telephony.Conflict;
import dev.parley.platform.telephony.E164;
import dev.parley.platform.token.IdentityTokenRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The recordings of calls and rooms. The integrator drives a recording's life from the calls:
 * {@link #begin}, {@link #addParticipant} as people join, {@link #fileStarted} when the recorder
 * opens a participant's file (it writes to the path given back), {@link #fileFinished} when it
 * closes it, and {@link #finish} when the call or room ends; the recording is then READY, or
 * PROCESSING while composition runs in the background. The REST API lists, reads, downloads and
 * deletes, always within one account: another account's recording is {@link NotFound}.
 *
 * <p>Methods that take no account id are for the integrator, which only names recordings it
 * began; they throw {@link NotFound} for an unknown id and {@link Conflict} for a recording
 * that is no longer RECORDING.
 */
public final class Recordings implements AutoCloseable {

    /** Room names as signaling accepts them (its pattern is private to that package). */
    static final Pattern ROOM = Pattern.compile("^[\\p{L}\\p{N}\\w.\\-+=]{3,250}$");
    private static final Pattern CALL_ID = Pattern.compile("^[\\x21-\\x7e]{1,64}$");
    private static final Pattern RECORDING_ID = Pattern.compile("^rec_[a-z0-9]{1,36}$");
    private static final Pattern FILE_ID = Pattern.compile("^rf_[a-z0-9]{1,36}$");
    private static final int MAX_PARTICIPANTS = 10_000;
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(15);

    private final Database database;
    private final Clock clock;
    private final RecordingSettings settings;
    private final RecordingStore store;
    private final RecordingOptions options;
    private final Compositions compositions;

    public Recordings(Database database, Clock clock, RecordingSettings settings, RecordingStore store,
                      RecordingOptions options) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.store = store;
        this.options = options;
        this.compositions = new Compositions(database, store, options);
    }

    public RecordingStore store() {
        return store;
    }

    /**
     * Starts a recording, RECORDING from now. Whether it will be composed is the account's
     * setting at this moment. {@code room} is required for a ROOM_CALL and refused otherwise.
     */
    public Recording begin(String accountId, String callId, CallType callType, RecordingType type, Optional<String> room,
                           List<Participant> participants) {
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new InvalidInput("callId", "must be 1 to 64 visible ASCII characters");
        }
        if (callType == CallType.ROOM_CALL && room.isEmpty()) {
            throw new InvalidInput("room", "is required for a ROOM_CALL");
        }
        if (callType != CallType.ROOM_CALL && room.isPresent()) {
            throw new InvalidInput("room", "is only for a ROOM_CALL");
        }
        room.ifPresent(name -> requireRoom("room", name));
        if (participants.size() > MAX_PARTICIPANTS) {
            throw new InvalidInput("participants", "at most " + MAX_PARTICIPANTS);
        }
        boolean compose = settings.get(accountId).compose();
        var recording = new Recording(Secrets.id("rec", 20), accountId, callId, callType, type, room,
                participants.stream().distinct().toList(), RecordingStatus.RECORDING, Optional.empty(), false, compose,
                now(), Optional.empty(), List.of());
        database.transaction(c -> {
            if (Sql.list(c, "SELECT id FROM accounts WHERE id = ?", row -> row.getString(1), accountId).isEmpty()) {
                throw new NotFound("account " + accountId);
            }
            RecordingRows.insert(c, recording);
            return null;
        });
        return recording;
    }

    /** Adds someone who joined; adding a participant twice changes nothing. */
    public Recording addParticipant(String recordingId, Participant participant) {
        return database.transaction(c -> {
            recording(c, recordingId);
            RecordingRows.addParticipants(c, recordingId, List.of(participant));
            return RecordingRows.lock(c, recordingId).orElseThrow();
        });
    }

    /**
     * Registers a participant's file that the recorder is about to write, and adds the
     * participant when it was not in the recording yet. The recorder writes to the returned path.
     */
    public StartedFile fileStarted(String recordingId, FileInfo info) {
        return fileStarted(recordingId, newFileId(), info);
    }

    /** A new file id; a recorder that names its files itself names them {@code <id>.<extension>}. */
    public static String newFileId() {
        return Secrets.id("rf", 20);
    }

    /**
     * As {@link #fileStarted(String, FileInfo)} for a file the recorder already writes as
     * {@code <fileId>.<extension>} in the recording's {@link RecordingStore#directory}.
     */
    public StartedFile fileStarted(String recordingId, String fileId, FileInfo info) {
        if (!FILE_ID.matcher(fileId).matches()) {
            throw new InvalidInput("fileId", "must be a file id this server made");
        }
        String name = fileId + "." + info.format().extension();
        return database.transaction(c -> {
            recording(c, recordingId);
            RecordingRows.addParticipants(c, recordingId, List.of(info.participant()));
            Path path = writable(recordingId, name);
            var file = new RecordingFile(fileId, recordingId, FileKind.PARTICIPANT,
                    Optional.of(info.participant().address()), name, info.format(), info.codecs(), 0,
                    info.start().truncatedTo(ChronoUnit.MILLIS), Optional.empty(), Optional.empty(),
                    store.key(recordingId, name));
            RecordingRows.insertFile(c, file);
            return new StartedFile(file, path);
        });
    }

    /**
     * The recorder has closed the file: it is committed to the store, and its end, duration, size
     * (as stored) and codecs are kept. {@code info.end()} is required. Closing it again changes nothing.
     */
    public RecordingFile fileFinished(String recordingId, String fileId, FileInfo info) {
        Instant end = info.end().orElseThrow(() -> new InvalidInput("end", "is required when a file is finished"))
                .truncatedTo(ChronoUnit.MILLIS);
        return database.transaction(c -> {
            Recording recording = recording(c, recordingId);
            RecordingFile file = recording.participantFiles().stream().filter(f -> f.id().equals(fileId)).findFirst()
                    .orElseThrow(() -> new NotFound("file " + fileId));
            if (file.finished()) {
                return file;
            }
            Instant closed = end.isBefore(file.start()) ? file.start() : end;
            RecordingRows.finishFile(c, fileId, closed, Duration.between(file.start(), closed), commit(file),
                    info.codecs().isEmpty() ? file.codecs() : info.codecs());
            return RecordingRows.lock(c, recordingId).orElseThrow().files().stream()
                    .filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
        });
    }

    /**
     * The call or room has ended. Files still open are closed at {@code end} with the size they
     * have (call {@link #fileFinished} first for exact times). Then the recording is PROCESSING
     * and composed in the background when the account composes and there is something to
     * compose, READY otherwise. Finishing a recording that is no longer RECORDING answers it as it is.
     */
    public Recording finish(String recordingId, Instant end) {
        Instant ended = end.truncatedTo(ChronoUnit.MILLIS);
        Recording finished = database.transaction(c -> {
            Recording recording = RecordingRows.lock(c, recordingId)
                    .orElseThrow(() -> new NotFound("recording " + recordingId));
            if (recording.status() != RecordingStatus.RECORDING) {
                return recording;
            }
            for (RecordingFile file : recording.participantFiles()) {
                if (!file.finished()) {
                    Instant closed = ended.isBefore(file.start()) ? file.start() : ended;
                    RecordingRows.finishFile(c, file.id(), closed, Duration.between(file.start(), closed),
                            commit(file), file.codecs());
                }
            }
            Recording closed = RecordingRows.lock(c, recordingId).orElseThrow();
            RecordingRows.end(c, recordingId, ended.isBefore(recording.start()) ? recording.start() : ended, false);
            RecordingRows.setStatus(c, recordingId, afterRecording(closed), Optional.empty());
            return RecordingRows.lock(c, recordingId).orElseThrow();
        });
        if (finished.status() == RecordingStatus.PROCESSING && !compositions.isRunning(recordingId)) {
            compositions.submit(recordingId);
        }
        return finished;
    }

    /** PROCESSING when the recording is to be composed and has a file with something in it; else READY. */
    static RecordingStatus afterRecording(Recording recording) {
        boolean anything = recording.participantFiles().stream().anyMatch(file -> file.size() > 0);
        return recording.compose() && anything ? RecordingStatus.PROCESSING : RecordingStatus.READY;
    }

    public Page<Recording> list(String accountId, RecordingFilter filter, RecordingSort sort, Page.Request request) {
        var where = new StringBuilder(" WHERE r.account_id = ?");
        var parameters = new ArrayList<Object>(List.of(accountId));
        filter.callType().ifPresent(type -> {
            where.append(" AND r.call_type = ?");
            parameters.add(type.name());
        });
        filter.identity().ifPresent(identity -> {
            if (!IdentityTokenRequest.IDENTITY.matcher(identity).matches()) {
                throw new InvalidInput("identity", "must be 3 to 64 letters, digits or _ . - + = /");
            }
            where.append(" AND EXISTS (SELECT 1 FROM recording_participants p WHERE p.recording_id = r.id"
                    + " AND p.kind = 'IDENTITY' AND p.address = ?)");
            parameters.add(identity);
        });
        filter.phoneNumber().ifPresent(number -> {
            E164.require("phoneNumber", number);
            where.append(" AND EXISTS (SELECT 1 FROM recording_participants p WHERE p.recording_id = r.id"
                    + " AND p.kind = 'PHONE_NUMBER' AND p.address = ?)");
            parameters.add(number);
        });
        filter.room().ifPresent(room -> {
            requireRoom("room", room);
            where.append(" AND r.room_name = ?");
            parameters.add(room);
        });
        if (filter.startFrom().isPresent() && filter.startTo().isPresent()
                && !filter.startTo().get().isAfter(filter.startFrom().get())) {
            throw new InvalidInput("startTo", "must be after startFrom");
        }
        filter.startFrom().ifPresent(from -> {
            where.append(" AND r.start_time >= ?");
            parameters.add(from);
        });
        filter.startTo().ifPresent(to -> {
            where.append(" AND r.start_time < ?");
            parameters.add(to);
        });
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM recordings r" + where, parameters.toArray());
            List<Recording> rows = RecordingRows.page(c, where.toString(), parameters, sort, request.size(),
                    request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public Recording get(String accountId, String id) {
        if (!RECORDING_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return database.transaction(c -> RecordingRows.find(c, accountId, id)).orElseThrow(() -> notFound(id));
    }

    /**
     * A finished file of the account's recording, to read whole or by range. A file the recorder
     * is still writing is a {@link Conflict}; a file whose bytes are gone from the store is NotFound.
     */
    public StoredFile openFile(String accountId, String id, String fileId) {
        Recording recording = get(accountId, id);
        RecordingFile file = recording.files().stream()
                .filter(f -> FILE_ID.matcher(fileId).matches() && f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> new NotFound("file " + fileId));
        if (!file.finished()) {
            throw new Conflict("file " + fileId + " is still being recorded");
        }
        try {
            return new StoredFile(file, store.size(file.storageKey()), store);
        } catch (NoSuchFileException e) {
            throw new NotFound("file " + fileId + " (its content is missing from storage)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the recording: a composition in progress is stopped first, then the files leave
     * the store, then the rows go. A recording still RECORDING is a {@link Conflict}: the
     * recorder is writing its files.
     */
    public void delete(String accountId, String id) {
        Recording recording = get(accountId, id);
        if (recording.status() == RecordingStatus.RECORDING) {
            throw new Conflict("recording " + id + " is still being recorded; delete it once its call has ended");
        }
        compositions.cancel(id, CANCEL_WAIT);
        try {
            store.delete(id);
        } catch (IOException e) {
            throw new StoreException("cannot delete the files of recording " + id + ": " + e.getMessage(), e);
        }
        database.transaction(c -> {
            RecordingRows.delete(c, id);
            return null;
        });
    }

    /** As {@link #recoverAfterRestart(FileFinalizer)}, keeping files as they are and reading durations with ffprobe. */
    public RecoverySummary recoverAfterRestart() {
        return recoverAfterRestart(FileFinalizer.probing(new MediaProbe(options.ffprobe())));
    }

    /**
     * Finishes what an earlier run of the server left: recordings still RECORDING are
     * finalised with {@code finalizer}, marked interrupted and composed or READY; recordings
     * still PROCESSING are composed again. Call once at start, before anything records.
     */
    public RecoverySummary recoverAfterRestart(FileFinalizer finalizer) {
        return new RestartRecovery(database, store, compositions).run(finalizer);
    }

    /**
     * Waits until the recording's composition, if one waits or runs, has ended, and answers the
     * recording as it then is (for tests, and for an integrator that wants to report READY).
     */
    public Recording awaitComposition(String accountId, String id, Duration timeout) throws InterruptedException {
        compositions.await(id, timeout);
        return get(accountId, id);
    }

    @Override
    public void close() {
        compositions.close();
    }

    /** The recording, locked, which must still be RECORDING. */
    private static Recording recording(java.sql.Connection c, String recordingId) throws java.sql.SQLException {
        Recording recording = RecordingRows.lock(c, recordingId)
                .orElseThrow(() -> new NotFound("recording " + recordingId));
        if (recording.status() != RecordingStatus.RECORDING) {
            throw new Conflict("recording " + recordingId + " is " + recording.status() + ", no longer RECORDING");
        }
        return recording;
    }

    private Path writable(String recordingId, String name) {
        try {
            return store.writable(recordingId, name);
        } catch (IOException e) {
            throw new StoreException("cannot create the file " + name + " of recording " + recordingId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Commits a closed file and answers its key and size as stored; a file never written counts as empty. */
    private RecordingRows.Committed commit(RecordingFile file) {
        try {
            String key = store.commit(file.recordingId(), file.name());
            return new RecordingRows.Committed(key, store.size(key));
        } catch (NoSuchFileException e) {
            return new RecordingRows.Committed(file.storageKey(), 0);
        } catch (IOException e) {
            throw new StoreException("cannot commit " + file.name() + ": " + e.getMessage(), e);
        }
    }

    private static void requireRoom(String field, String room) {
        if (!ROOM.matcher(room).matches()) {
            throw new InvalidInput(field, "must be 3 to 250 letters, digits or _ . - + =");
        }
    }

    private static NotFound notFound(String id) {
        return new NotFound("recording " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
