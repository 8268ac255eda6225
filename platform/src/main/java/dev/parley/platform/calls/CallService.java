package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.identity.IdentityDirectory;
import dev.parley.platform.recording.RecordingSettings;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import dev.parley.platform.signaling.SignalingSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls and rooms of every account: creates them, routes each client message to the one its
 * {@code callId} names (on that conversation's executor) and keeps the indexes that BUSY,
 * resumption and lookups need. Identities and rooms are looked up within the device's
 * account only, so nothing reaches across accounts.
 */
public final class CallService implements AutoCloseable {

    private final SignalingSettings settings;
    private final Clock clock;
    private final MediaServer media;
    private final IdentityDirectory identities;
    private final Presence presence;
    private final Recordings recordings;
    private final RecordingSettings recordingSettings;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-call-timers").daemon().factory());
    private final Map<String, Conversation> byCallId = new ConcurrentHashMap<>();
    private final Map<String, Set<Conversation>> bySession = new ConcurrentHashMap<>();
    /** Guards {@link #liveCalls}: BUSY is a check-then-add across calls. Nothing else runs under it. */
    private final Object busyLock = new Object();
    private final Set<Call> liveCalls = new HashSet<>();
    /** Guards {@link #rooms}: get-or-create and remove-when-empty must not interleave. */
    private final Map<String, CallRoom> rooms = new HashMap<>();

    public CallService(SignalingSettings settings, Clock clock, MediaServer media, IdentityDirectory identities,
                       Presence presence, Recordings recordings, RecordingSettings recordingSettings) {
        this.recordings = recordings;
        this.recordingSettings = recordingSettings;
        this.settings = settings;
        this.clock = clock;
        this.media = media;
        this.identities = identities;
        this.presence = presence;
    }

    /** {@code call}: BUSY, DESTINATION_NOT_FOUND and _UNAVAILABLE end the new call at once. Blocking (database). */
    public void call(Device caller, ClientMessage.Call request) {
        if (request.to().equals(caller.identity())) {
            caller.send(new ServerMessage.Error(request.requestId(), null,
                    ErrorCode.INVALID_REQUEST.info("to must be another identity than your own")));
            return;
        }
        boolean video = request.video() == null || request.video();
        String callId = newCallId();
        var setup = CallSetup.of(new Member(caller, callId, video), "WEBRTC", customData(request.customData()))
                .announcing(call -> caller.send(new ServerMessage.CallCreated(request.requestId(), callId,
                        caller.identity(), request.to(), "WEBRTC")))
                .recording(request.recording());
        callIdentity(setup, request.to(), video);
    }

    /**
     * How a call starts: its caller (a WebRTC member, or a phone that called in), what the
     * callee is told the caller is, and hooks that run on the call's executor: {@code announce}
     * first ({@code call-created} for a WebRTC caller), {@code before} whose completion lets the
     * callee ring (a phone caller's media answer), {@code onEnded} last.
     */
    record CallSetup(Member caller, String callerType, Map<String, String> customData, Consumer<Call> announce,
                     Function<Call, CompletionStage<?>> before, Consumer<Call> onEnded, String recordingOption) {

        static CallSetup of(Member caller, String callerType, Map<String, String> customData) {
            return new CallSetup(caller, callerType, customData, call -> { },
                    call -> CompletableFuture.completedFuture(null), call -> { }, null);
        }

        CallSetup announcing(Consumer<Call> announce) {
            return new CallSetup(caller, callerType, customData, announce, before, onEnded, recordingOption);
        }

        CallSetup before(Function<Call, CompletionStage<?>> before) {
            return new CallSetup(caller, callerType, customData, announce, before, onEnded, recordingOption);
        }

        CallSetup onEnded(Consumer<Call> onEnded) {
            return new CallSetup(caller, callerType, customData, announce, before, onEnded, recordingOption);
        }

        /** The caller's recording option (absent, AUDIO or AUDIO_AND_VIDEO). */
        CallSetup recording(String option) {
            return new CallSetup(caller, callerType, customData, announce, before, onEnded, option);
        }
    }

    /** The account's recording setting, and the caller's outcome from it (blocking: database). */
    private void recordingOf(Conversation conversation, CallSetup setup) {
        conversation.accountRecording = recordingSettings.get(conversation.accountId).recording();
        Member caller = setup.caller();
        if (!(caller.device instanceof PhoneDevice)) {
            caller.recording = conversation.recordingOutcome(caller.device, setup.recordingOption());
        }
    }

    /**
     * Starts a call to the identity {@code to} of the caller's account: its devices ring, or the
     * call ends at once with DESTINATION_NOT_FOUND, DESTINATION_UNAVAILABLE or BUSY. Blocking
     * (database).
     */
    Call callIdentity(CallSetup setup, String to, boolean video) {
        Member caller = setup.caller();
        String accountId = caller.device.accountId();
        var call = new Call(this, caller.callId, caller, setup.callerType(), to, video, setup.customData());
        call.onEnded(setup.onEnded());
        recordingOf(call, setup);
        ErrorCode refusal = null;
        List<Device> devices = List.of();
        if (!identities.exists(accountId, to)) {
            refusal = ErrorCode.DESTINATION_NOT_FOUND;
        } else {
            devices = presence.onlineDevices(accountId, to);
            if (devices.isEmpty()) {
                refusal = ErrorCode.DESTINATION_UNAVAILABLE;
            }
        }
        if (refusal == null) {
            synchronized (busyLock) {
                if (liveCalls.stream().anyMatch(c -> c.accountId.equals(accountId) && c.involves(to))) {
                    refusal = ErrorCode.BUSY;
                } else {
                    liveCalls.add(call);
                }
            }
        }
        register(call, caller);
        ErrorCode ending = refusal;
        List<Device> ring = devices;
        call.executor.execute(() -> {
            setup.announce().accept(call);
            if (ending != null) {
                call.end(ending);
                return;
            }
            startWhenReady(call, setup, ring);
        });
        return call;
    }

    /** Starts a call to a phone or SIP endpoint ({@code callee}, whose {@link OutboundLeg} dials when the call starts). */
    Call callPhone(CallSetup setup, PhoneDevice callee) {
        Member caller = setup.caller();
        var call = new Call(this, caller.callId, caller, setup.callerType(), callee.identity(), false, setup.customData());
        call.onEnded(setup.onEnded());
        recordingOf(call, setup);
        callee.leg().attach(call);
        call.browserAudioCodecs = callee.leg().browserAudioCodecs;
        callee.member(caller.callId, callee.identity());
        synchronized (busyLock) {
            liveCalls.add(call);
        }
        register(call, caller);
        call.executor.execute(() -> {
            setup.announce().accept(call);
            startWhenReady(call, setup, List.of(callee));
        });
        return call;
    }

    private void startWhenReady(Call call, CallSetup setup, List<Device> ring) {
        CompletionStage<?> ready;
        try {
            ready = setup.before().apply(call);
        } catch (RuntimeException e) {
            ready = CompletableFuture.failedFuture(e);
        }
        ready.whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                call.end(ErrorCode.MEDIA_FAILED);
            } else if (call.state() == Call.State.CALLING) {
                call.start(ring);
            }
        }, call.executor);
    }

    /** The room {@code name} of the account, created when it does not exist (or closed meanwhile). */
    CallRoom roomFor(String accountId, String name) {
        synchronized (rooms) {
            return rooms.computeIfAbsent(accountId + "/" + name, key -> new CallRoom(this, accountId, name));
        }
    }

    /** Indexes a new call by id, and by its caller's session when the caller is a WebRTC device. */
    private void register(Call call, Member caller) {
        byCallId.put(call.callId, call);
        if (!(caller.device instanceof PhoneDevice)) {
            joined(caller.device, call);
        }
    }

    static Map<String, String> customData(Map<String, Object> data) {
        var customData = new HashMap<String, String>();
        if (data != null) {
            data.forEach((k, v) -> customData.put(k, (String) v));
        }
        return Map.copyOf(customData);
    }

    /** {@code join-room}: the room of that name in the device's account, created on first join. */
    public void joinRoom(Device device, ClientMessage.JoinRoom request) {
        CallRoom room = roomFor(device.accountId(), request.room());
        room.accountRecording = recordingSettings.get(device.accountId()).recording();
        room.executor.execute(() -> {
            if (!room.join(device, request)) {
                joinRoom(device, request);
            }
        });
    }

    /** A message naming a call or room membership: handled on that conversation's executor. */
    public void route(Device device, ClientMessage.CallScoped message) {
        Conversation conversation = byCallId.get(message.callId());
        if (conversation == null || !conversation.accountId.equals(device.accountId())) {
            device.send(new ServerMessage.Error(message.requestId(), message.callId(),
                    ErrorCode.UNKNOWN_CALL.info("callId " + message.callId() + " is not one of your calls or rooms")));
            return;
        }
        conversation.executor.execute(() -> conversation.handle(device, message));
    }

    /** The device's socket dropped or came back: the others hear of it. */
    public void connectionChanged(Device device, boolean online) {
        for (Conversation conversation : conversationsOf(device)) {
            conversation.executor.execute(() -> conversation.deviceConnection(device, online));
        }
    }

    /** The device's session ended for good: its calls end with CONNECTION_LOST, its rooms are left. */
    public void deviceGone(Device device) {
        for (Conversation conversation : conversationsOf(device)) {
            conversation.executor.execute(() -> conversation.deviceGone(device));
        }
        bySession.remove(device.sessionId());
    }

    /** The calls and rooms a resumed device is still in. */
    public List<ServerMessage.CallSummary> summaries(Device device) {
        var summaries = new ArrayList<ServerMessage.CallSummary>();
        for (Conversation conversation : conversationsOf(device)) {
            for (String callId : conversation.callIdsOf(device)) {
                summaries.add(new ServerMessage.CallSummary(callId, conversation.kind(), conversation.status()));
            }
        }
        return summaries;
    }

    // --- for calls and rooms ---

    void joined(Device device, Call call) {
        bySession.computeIfAbsent(device.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(call);
    }

    void joined(Device device, CallRoom room, String callId) {
        byCallId.put(callId, room);
        bySession.computeIfAbsent(device.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(room);
    }

    void left(Device device, CallRoom room, String callId) {
        byCallId.remove(callId);
        Set<Conversation> set = bySession.get(device.sessionId());
        if (set != null && room.callIdsOf(device).isEmpty()) {
            set.remove(room);
        }
    }

    void finished(Call call) {
        synchronized (busyLock) {
            liveCalls.remove(call);
        }
        byCallId.remove(call.callId);
        bySession.values().forEach(set -> set.remove(call));
    }

    void roomClosed(CallRoom room) {
        synchronized (rooms) {
            rooms.remove(room.accountId + "/" + room.name, room);
        }
    }

    SerialExecutor newExecutor() {
        return new SerialExecutor(workers);
    }

    String newCallId() {
        return Secrets.id("c", 24);
    }

    ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> scheduleAtFixedRate(Duration period, Runnable task) {
        return timers.scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    SignalingSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    MediaServer media() {
        return media;
    }

    Recordings recordings() {
        return recordings;
    }

    /** Rooms read the account's recording setting at each join. */
    RecordingSettings recordingSettings() {
        return recordingSettings;
    }

    ExecutorService workers() {
        return workers;
    }

    private List<Conversation> conversationsOf(Device device) {
        Set<Conversation> set = bySession.get(device.sessionId());
        return set == null ? List.of() : List.copyOf(set);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdown();
    }
}
