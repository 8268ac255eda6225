package dev.parley.media.recording;

import dev.parley.media.Room;
import dev.parley.media.RoomListener;
import dev.parley.media.loop.MediaLoop;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One recording of one room on the media loop: it follows the room's tracks as they are
 * published and unpublished, taps each recordable one ({@link RecordedTrack}) and routes it to
 * a file of its participant ({@link FileRoute}), and every 250 ms lets the writers flush. It
 * ends when stopped or when the room closes; then every file is finished on its lane and the
 * recording's future completes with them. Media loop only.
 */
final class RoomRecorder implements RoomListener {

    private static final long TICK_NANOS = 250_000_000L;

    final RoomRecording recording;
    private final Room room;
    private final MediaLoop loop;
    private final WriterPool pool;
    private final RecordingListener listener;
    private final Runnable onEnded;
    private final long nanoAnchor;
    private final Instant wallAnchor;
    private final Map<String, RecordedTrack> taps = new LinkedHashMap<>();
    private final Map<String, List<FileRoute>> routes = new LinkedHashMap<>();
    /** Counters for what happened before a track had a file (keyframe waits). */
    final FileCounters unrouted = new FileCounters();
    private long ignoredTracks;
    private boolean stopped;

    RoomRecorder(RoomRecording recording, Room room, MediaLoop loop, WriterPool pool, RecordingListener listener,
                 Runnable onEnded) {
        this.recording = recording;
        this.room = room;
        this.loop = loop;
        this.pool = pool;
        this.listener = listener;
        this.onEnded = onEnded;
        this.nanoAnchor = loop.nanoTime();
        this.wallAnchor = Instant.now();
    }

    void start() {
        room.addListener(this);
        room.tracks().forEach(this::attach);
        loop.schedule(TICK_NANOS, this::tick);
    }

    @Override
    public void onTrackPublished(Room r, PublishedTrack track) {
        attach(track);
    }

    @Override
    public void onTrackUnpublished(Room r, PublishedTrack track) {
        detach(track);
    }

    @Override
    public void onRoomClosed(Room r) {
        stop();
    }

    private void attach(PublishedTrack track) {
        if (stopped || track.isClosed() || taps.containsKey(track.id())) {
            return;
        }
        Optional<String> owner = room.ownerOf(track);
        String codec = Container.codecKey(track.codecName());
        if (owner.isEmpty() || !Container.RECORDABLE.contains(codec)
                || track.kind() == MediaKind.VIDEO && (!recording.spec().video() || isPhone(track))) {
            ignoredTracks++;
            return;
        }
        var tap = new RecordedTrack(this, track, owner.get());
        taps.put(track.id(), tap);
        track.addTap(tap);
        tap.requestKeyframe(loop.nanoTime()); // a video recording starts with a keyframe
    }

    void detach(PublishedTrack track) {
        RecordedTrack tap = taps.remove(track.id());
        if (tap != null) {
            track.removeTap(tap);
            tap.end();
        }
    }

    /** Where a track's packets go: a file and the track's slot in it. */
    record Claim(FileRoute route, int slot) {
    }

    /** The file {@code tap}'s packets go to from now on, its slot claimed; null when none can take it. */
    Claim route(RecordedTrack tap) {
        List<FileRoute> files = routes.computeIfAbsent(tap.participant, p -> new ArrayList<>());
        FileRoute route = files.stream().filter(f -> f.accepts(tap.kind(), tap.codec())).findFirst()
                .orElseGet(() -> newRoute(tap, files));
        if (route == null) {
            return null;
        }
        boolean synced = !isPhone(tap.track);
        int slot = route.claim(tap, s -> new TrackSpec(s, tap.track.id(), tap.kind(), tap.codec(),
                tap.track.clockRate(), synced));
        return new Claim(route, slot);
    }

    private FileRoute newRoute(RecordedTrack tap, List<FileRoute> files) {
        boolean audioOnly = !recording.spec().video() || isPhone(tap.track);
        List<String> codecs = taps.values().stream().filter(t -> t.participant.equals(tap.participant))
                .map(RecordedTrack::codec).distinct().toList();
        Container container = Container.choose(audioOnly, tap.codec(), codecs);
        if (!container.accepts(tap.kind(), tap.codec())) {
            return null;
        }
        var counters = new FileCounters();
        String baseName = recording.spec().fileName(tap.participant, files.size() + 1);
        var holder = new FileRoute[1];
        var writer = new FileWriter(tap.participant, baseName, recording.spec(), container, listener, nanoAnchor,
                wallAnchor, slot -> loop.execute(() -> keyframeWanted(holder[0], slot)), counters);
        var route = new FileRoute(tap.participant, container, writer, pool.lane(), counters);
        holder[0] = route;
        files.add(route);
        return route;
    }

    private void keyframeWanted(FileRoute route, int slot) {
        route.track(slot).ifPresent(t -> t.keyframeWanted(loop.nanoTime()));
    }

    /** Phones (RTP bridge legs) are recorded as audio, and their tracks' timestamps are re-made by the bridge. */
    private boolean isPhone(PublishedTrack track) {
        return room.peers().stream().filter(p -> p.id().equals(track.publisherId()))
                .anyMatch(p -> p.rtpLeg().isPresent());
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long now = loop.nanoTime();
        for (List<FileRoute> files : routes.values()) {
            for (FileRoute route : files) {
                route.post(() -> route.writer.tick(now));
            }
        }
        loop.schedule(TICK_NANOS, this::tick);
    }

    /** Stops following the room and finishes every file; the recording's future completes when they are written. */
    CompletableFuture<List<RecordedFile>> stop() {
        if (stopped) {
            return recording.result();
        }
        stopped = true;
        room.removeListener(this);
        for (RecordedTrack tap : List.copyOf(taps.values())) {
            detach(tap.track);
        }
        var results = new ArrayList<CompletableFuture<Optional<RecordedFile>>>();
        routes.values().forEach(files -> files.forEach(route -> results.add(route.close())));
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (error != null) {
                recording.result().completeExceptionally(error);
            } else {
                recording.result().complete(results.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                        .toList());
            }
        });
        onEnded.run();
        return recording.result();
    }

    boolean isStopped() {
        return stopped;
    }

    int taps() {
        return taps.size();
    }

    int openFiles() {
        return (int) routes.values().stream().flatMap(List::stream).filter(r -> !r.isClosed()).count();
    }

    Map<String, Object> debugState() {
        var state = new LinkedHashMap<String, Object>();
        state.put("id", recording.id());
        state.put("room", recording.roomKey());
        state.put("video", recording.spec().video());
        state.put("tracks", taps.size());
        state.put("ignoredTracks", ignoredTracks);
        var all = new ArrayList<FileCounters>();
        all.add(unrouted);
        var files = new ArrayList<Map<String, Object>>();
        routes.forEach((participant, list) -> list.forEach(route -> {
            all.add(route.counters);
            var file = new LinkedHashMap<String, Object>();
            file.put("participant", participant);
            file.put("format", route.container.extension);
            file.put("queuedBytes", route.lane.queuedBytes());
            file.putAll(route.counters.snapshot());
            files.add(file);
        }));
        state.put("totals", FileCounters.sum(all));
        state.put("files", files);
        return state;
    }
}
