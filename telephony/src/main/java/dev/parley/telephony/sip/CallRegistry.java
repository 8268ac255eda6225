package dev.parley.telephony.sip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live calls by Call-ID and local tag. Our tag is unique per call, so it alone with the
 * Call-ID finds a call for an in-dialog request (its To tag), an ACK, or a response (its From
 * tag); the remote tag is checked by the call. Loop-confined.
 */
final class CallRegistry {

    private final Map<String, CallSession> calls = new HashMap<>();

    void add(CallSession call) {
        calls.put(key(call.callId, call.localTag), call);
    }

    void remove(CallSession call) {
        calls.remove(key(call.callId, call.localTag), call);
    }

    Optional<CallSession> find(String callId, Optional<String> localTag) {
        return localTag.map(tag -> calls.get(key(callId, tag)));
    }

    int size() {
        return calls.size();
    }

    int dialogs() {
        return (int) calls.values().stream().filter(CallSession::hasDialog).count();
    }

    List<CallSession> all() {
        return List.copyOf(calls.values());
    }

    private static String key(String callId, String localTag) {
        return callId + "|" + localTag;
    }
}
