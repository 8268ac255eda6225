package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.ddr.CallStatus;
import dev.parley.platform.ddr.DynamicDestinations;
import dev.parley.platform.ddr.Resolution;
import dev.parley.platform.ddr.ResolveRequest;
import dev.parley.platform.ddr.RouteAction;
import dev.parley.platform.ddr.StatusReport;
import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import dev.parley.platform.telephony.E164;
import dev.parley.platform.telephony.InboundDestination;
import dev.parley.platform.telephony.NumberRoute;
import dev.parley.platform.telephony.PhoneNumber;
import dev.parley.platform.telephony.TelephonyDirectory;
import dev.parley.platform.telephony.Trunk;
import dev.parley.protocol.sip.SipUri;
import dev.parley.telephony.sip.InboundHandler;
import dev.parley.telephony.sip.IncomingCall;
import dev.parley.telephony.sip.SipStack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to and from phones and SIP endpoints: the SDK's {@code call-phone}, {@code call-sip}
 * and {@code call-dynamic}, and the INVITEs trunks send to the account's numbers. It decides
 * where each call goes (through a trunk, on-net to one of the account's numbers' inbound
 * destination, or where a dynamic destination callback says) and hands it to
 * {@link CallService} as a call whose parties may be phones.
 */
public final class PhoneCalls implements InboundHandler, AutoCloseable {

    /** What phone calls need besides the calls themselves. */
    public record Services(SipStack sip, TelephonyDirectory directory, DynamicDestinations dynamicDestinations) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PhoneCalls.class);
    /** On-net forwarding (a number whose destination is another of the account's numbers) stops here. */
    private static final int MAX_FORWARDS = 5;

    private final CallService calls;
    private final TelephonyDirectory directory;
    private final DynamicDestinations dynamicDestinations;
    private final PhoneLegs legs;
    /** Lookups block (database, the callback URL): never on a SIP or signaling thread. */
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public PhoneCalls(CallService calls, MediaServer media, Services services) {
        this.calls = calls;
        this.directory = services.directory();
        this.dynamicDestinations = services.dynamicDestinations();
        this.legs = new PhoneLegs(services.sip(), media);
    }

    /**
     * Who placed a call and how it learns that its call exists ({@code call-created}) or failed
     * at once ({@code call-created} then {@code call-ended}; for a phone that called in, the
     * INVITE's refusal).
     */
    private record Origin(Member caller, String callerType, String requestId, String recording) {

        Origin(Member caller, String callerType, String requestId) {
            this(caller, callerType, requestId, null);
        }

        /** The same caller under another name (a dynamic destination's masking). */
        Origin as(Member renamed) {
            return new Origin(renamed, callerType, requestId, recording);
        }

        boolean isApp() {
            return !(caller.device instanceof PhoneDevice);
        }

        void created(String to, String toType) {
            if (isApp()) {
                caller.send(new ServerMessage.CallCreated(requestId, caller.callId, caller.device.identity(), to, toType));
            }
        }

        Optional<Call> refused(String to, String toType, ErrorCode reason, String detail) {
            created(to, toType);
            caller.send(new ServerMessage.CallEnded(caller.callId, reason.info(detail), 0));
            return Optional.empty();
        }
    }

    // --- from apps -------------------------------------------------------------------------

    /** {@code call-phone}: a number through the trunk, or on-net. Blocking (database). */
    public void callPhone(Device caller, ClientMessage.CallPhone request) {
        var origin = new Origin(new Member(caller, calls.newCallId(), false, request.from(), Optional.empty()), "PHONE",
                request.requestId(), request.recording());
        if (!E164.isValid(request.to())) {
            origin.refused(request.to(), "PHONE", ErrorCode.INVALID_DESTINATION, "to must be an E.164 phone number");
            return;
        }
        Optional<PhoneNumber> callerId = directory.ownNumber(caller.accountId(), request.from())
                .filter(PhoneNumber::outboundEnabled);
        if (callerId.isEmpty()) {
            origin.refused(request.to(), "PHONE", ErrorCode.FORBIDDEN, "from (" + request.from()
                    + ") must be one of the account's numbers with outbound calls enabled");
            return;
        }
        toNumber(origin, request.to(), request.from(), CallService.customData(request.customData()), 0,
                Optional.empty(), call -> { });
    }

    /** {@code call-sip}: a SIP URI on one of the account's trunks. Blocking (database). */
    public void callSip(Device caller, ClientMessage.CallSip request) {
        var origin = new Origin(new Member(caller, calls.newCallId(), false), "WEBRTC", request.requestId(),
                request.recording());
        Optional<SipUri> uri = SipUri.parse(request.to());
        if (uri.isEmpty() || uri.get().user().isEmpty()) {
            origin.refused(request.to(), "SIP", ErrorCode.INVALID_DESTINATION, "to must be a sip: URI with a user");
            return;
        }
        toSip(origin, uri.get(), caller.identity(), CallService.customData(request.customData()), call -> { });
    }

    /** {@code call-dynamic}: the account's callback decides; {@code call-created} follows its answer. */
    public void callDynamic(Device caller, ClientMessage.CallDynamic request) {
        var data = CallService.customData(request.customData());
        String callId = calls.newCallId();
        dynamicDestinations.resolve(caller.accountId(), new ResolveRequest.FromApp(caller.identity(), data))
                .whenCompleteAsync((resolution, failure) -> {
                    Resolution outcome = failure == null ? resolution
                            : new Resolution.Failed(dev.parley.platform.ddr.ResolveFailure.URL_UNREACHABLE, failure.toString());
                    routeDynamic(caller, callId, request.requestId(), request.recording(), caller.identity(), data, outcome);
                }, workers);
    }

    private void routeDynamic(Device caller, String callId, String requestId, String recording, String source,
                              Map<String, String> data, Resolution resolution) {
        String accountId = caller.accountId();
        switch (resolution) {
            case Resolution.Route route -> {
                String shownAs = route.source().orElse(source);
                var origin = new Origin(new Member(caller, callId, false, shownAs, Optional.empty()),
                        route.action() == RouteAction.CALL ? "WEBRTC" : "PHONE", requestId, recording);
                var report = reportTo(accountId, source, route.destination());
                Optional<Call> call = route.action() == RouteAction.CALL
                        ? Optional.of(calls.callIdentity(setup(origin, data, report)
                                .announcing(c -> origin.created(route.destination(), "WEBRTC")), route.destination(), false))
                        : toNumber(origin, route.destination(), route.source().orElse(PhoneLegs.ANONYMOUS), data, 0,
                        Optional.empty(), report);
                if (call.isEmpty()) {
                    reportFailed(accountId, callId, source, route.destination());
                }
            }
            case Resolution.Failed failed -> {
                LOG.info("dynamic destination of account {} failed: {}", accountId, failed.detail());
                new Origin(new Member(caller, callId, false), "WEBRTC", requestId)
                        .refused("", "WEBRTC", ErrorCode.valueOf(failed.failure().name()), failed.detail());
                reportFailed(accountId, callId, source, "");
            }
            case Resolution.NotConfigured none -> new Origin(new Member(caller, callId, false), "WEBRTC", requestId)
                    .refused("", "WEBRTC", ErrorCode.NO_DYNAMIC_DESTINATION, "set one with PUT /webrtc/1/dynamic-destination");
        }
    }

    // --- from trunks -----------------------------------------------------------------------

    /**
     * An INVITE from the phone network (the stack already sent 100 Trying): from an address no
     * trunk allows, 403; to a number no account has, 404; else it goes where the number's
     * inbound destination says.
     */
    @Override
    public void onInvite(IncomingCall sipCall) {
        workers.execute(() -> {
            try {
                inbound(sipCall);
            } catch (RuntimeException e) {
                LOG.error("an incoming call failed", e);
                sipCall.reject(500, "Server Internal Error");
            }
        });
    }

    private void inbound(IncomingCall sipCall) {
        InetAddress source = sipCall.source().getAddress();
        List<Trunk> allowing = directory.trunksAllowing(source);
        if (allowing.isEmpty()) {
            sipCall.reject(403, "Forbidden");
            return;
        }
        Optional<String> called = PhoneLegs.numberOf(sipCall.requestUri()).or(() -> PhoneLegs.numberOf(sipCall.to().uri()));
        Optional<NumberRoute> route = called.flatMap(directory::inboundRoute);
        if (route.isEmpty()) {
            sipCall.reject(404, "Not Found");
            return;
        }
        String accountId = route.get().accountId();
        Optional<Trunk> trunk = allowing.stream().filter(t -> t.accountId().equals(accountId)).findFirst();
        if (trunk.isEmpty()) {
            sipCall.reject(403, "Forbidden");
            return;
        }
        String caller = PhoneLegs.callerOf(sipCall.from());
        PhoneDevice device = legs.answer(sipCall, accountId, caller, trunk.get());
        Member member = device.member(calls.newCallId(), caller);
        var origin = new Origin(member, device.kind().name(), null);
        toDestination(origin, called.get(), route.get(), caller, Map.of(), 0, call -> { });
    }

    // --- routing ---------------------------------------------------------------------------

    /**
     * A call to {@code number}: on-net when it is one of the account's numbers, else through
     * {@code via} (the trunk of the number a forwarded call came in on), else the trunk of the
     * caller ID, else the account's default trunk.
     */
    private Optional<Call> toNumber(Origin origin, String number, String callerId, Map<String, String> data, int forwards,
                                    Optional<Trunk> via, java.util.function.Consumer<Call> onEnded) {
        String accountId = origin.caller().device.accountId();
        Optional<NumberRoute> onNet = directory.inboundRoute(number).filter(r -> r.accountId().equals(accountId));
        if (onNet.isPresent()) {
            return toDestination(origin, number, onNet.get(), callerId, data, forwards, onEnded);
        }
        Optional<Trunk> trunk = via.or(() -> directory.trunkFor(accountId, callerId));
        if (trunk.isEmpty()) {
            return origin.refused(number, "PHONE", ErrorCode.GATEWAY_ERROR, "the account has no SIP trunk");
        }
        PhoneDevice callee = legs.dialNumber(origin.caller().callId, trunk.get(), number, callerId);
        return Optional.of(calls.callPhone(setup(origin, data, onEnded).announcing(c -> origin.created(number, "PHONE")),
                callee));
    }

    /** A call to a SIP URI whose host is one of the account's trunks. */
    private Optional<Call> toSip(Origin origin, SipUri uri, String callerUser, Map<String, String> data,
                                 java.util.function.Consumer<Call> onEnded) {
        String to = uri.withoutHeaders().write();
        Optional<Trunk> trunk = directory.trunkForSipHost(origin.caller().device.accountId(), uri.hostForLookup(),
                uri.port());
        if (trunk.isEmpty()) {
            return origin.refused(to, "SIP", ErrorCode.FORBIDDEN, "the URI's host is not one of the account's trunks");
        }
        PhoneDevice callee = legs.dialSip(origin.caller().callId, trunk.get(), uri, PhoneLegs.sipUser(callerUser));
        return Optional.of(calls.callPhone(setup(origin, data, onEnded).announcing(c -> origin.created(to, "SIP")), callee));
    }

    /** Where one of the account's numbers ({@code number}) sends its calls. */
    private Optional<Call> toDestination(Origin origin, String number, NumberRoute route, String callerId,
                                         Map<String, String> data, int forwards, java.util.function.Consumer<Call> onEnded) {
        if (forwards >= MAX_FORWARDS) {
            return origin.refused(number, "PHONE", ErrorCode.DESTINATION_UNAVAILABLE,
                    "the account's numbers forward to each other in a loop");
        }
        return switch (route.destination()) {
            case InboundDestination.ToIdentity identity -> Optional.of(calls.callIdentity(
                    setup(origin, data, onEnded).announcing(c -> origin.created(identity.identity(), "WEBRTC")),
                    identity.identity(), false));
            case InboundDestination.ToRoom room -> joinRoom(origin, room.room());
            case InboundDestination.ToSipUri sip -> SipUri.parse(sip.uri().text())
                    .map(uri -> toSip(origin, uri, callerId, data, onEnded))
                    .orElseGet(() -> origin.refused(sip.uri().text(), "SIP", ErrorCode.INVALID_DESTINATION, "bad SIP URI"));
            case InboundDestination.ToPhoneNumber phone -> toNumber(origin, phone.number(), callerId, data, forwards + 1,
                    route.trunk(), onEnded);
            case InboundDestination.Dynamic dynamic -> {
                resolveForNumber(origin, number, callerId, data, forwards, route.trunk());
                yield Optional.empty();
            }
        };
    }

    /** A number set to dynamic resolution: {@code {source, destination}} to the callback, then its route. */
    private void resolveForNumber(Origin origin, String number, String callerId, Map<String, String> data, int forwards,
                                  Optional<Trunk> via) {
        String accountId = origin.caller().device.accountId();
        dynamicDestinations.resolve(accountId, new ResolveRequest.FromPhone(callerId, number))
                .whenCompleteAsync((resolution, failure) -> {
                    if (failure != null || !(resolution instanceof Resolution.Route route)) {
                        ErrorCode reason = resolution instanceof Resolution.Failed failed
                                ? ErrorCode.valueOf(failed.failure().name())
                                : failure == null ? ErrorCode.NO_DYNAMIC_DESTINATION : ErrorCode.URL_UNREACHABLE;
                        origin.refused(number, "PHONE", reason, "the dynamic destination did not route the call");
                        reportFailed(accountId, origin.caller().callId, callerId, "");
                        return;
                    }
                    String shown = route.source().orElse(callerId);
                    var masked = origin.as(origin.caller().device instanceof PhoneDevice phone
                            ? phone.show(origin.caller().callId, shown)
                            : new Member(origin.caller().device, origin.caller().callId, false, shown, Optional.empty()));
                    var report = reportTo(accountId, callerId, route.destination());
                    Optional<Call> call = route.action() == RouteAction.CALL
                            ? Optional.of(calls.callIdentity(setup(masked, data, report)
                            .announcing(c -> masked.created(route.destination(), "WEBRTC")), route.destination(), false))
                            : toNumber(masked, route.destination(), shown, data, forwards + 1, via, report);
                    if (call.isEmpty()) {
                        reportFailed(accountId, origin.caller().callId, callerId, route.destination());
                    }
                }, workers);
    }

    /** A phone that called a number whose destination is a room joins it; an app joins rooms itself. */
    private Optional<Call> joinRoom(Origin origin, String name) {
        if (!(origin.caller().device instanceof PhoneDevice phone)) {
            return origin.refused(name, "WEBRTC", ErrorCode.DESTINATION_UNAVAILABLE,
                    "that number leads to room " + name + ": apps join rooms with joinRoom");
        }
        InboundLeg leg = (InboundLeg) phone.leg();
        CallRoom room = calls.roomFor(phone.accountId(), name);
        room.accountRecording = calls.recordingSettings().get(phone.accountId()).recording();
        leg.attach(room);
        leg.prepare(origin.caller().identity()).whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                leg.end(ErrorCode.MEDIA_FAILED);
            } else if (leg.ended) {
                return; // the caller gave up meanwhile
            } else if (!room.join(phone, new ClientMessage.JoinRoom(null, name, false, null, null))) {
                leg.end(ErrorCode.DESTINATION_UNAVAILABLE);
            }
        }, room.executor);
        return Optional.empty();
    }

    /** The call's setup; a phone that called in answers with its media before the callee rings. */
    private static CallService.CallSetup setup(Origin origin, Map<String, String> data,
                                               java.util.function.Consumer<Call> onEnded) {
        var setup = CallService.CallSetup.of(origin.caller(), origin.callerType(), data).onEnded(onEnded)
                .recording(origin.recording());
        if (origin.caller().device instanceof PhoneDevice phone && phone.leg() instanceof InboundLeg leg) {
            return setup.before(call -> {
                leg.attach(call);
                call.browserAudioCodecs = leg.browserAudioCodecs;
                return leg.prepare(origin.caller().identity());
            });
        }
        return setup;
    }

    // --- status reports of dynamically routed calls ------------------------------------------

    private java.util.function.Consumer<Call> reportTo(String accountId, String source, String destination) {
        return call -> dynamicDestinations.reportStatus(accountId, new StatusReport(call.callId, source, destination,
                call.wasEstablished() ? CallStatus.FINISHED : CallStatus.FAILED, Duration.ofMillis(call.duration())));
    }

    private void reportFailed(String accountId, String callId, String source, String destination) {
        dynamicDestinations.reportStatus(accountId, new StatusReport(callId, source, destination, CallStatus.FAILED,
                Duration.ZERO));
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
