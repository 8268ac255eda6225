package dev.parley.platform.recording;

import java.time.Instant;
import java.util.Optional;

/**
 * Narrows a list of recordings. Each part is optional and they combine with AND: the call type,
 * a participant's identity, a participant's phone number, the room name, and a start-time range
 * ({@code startFrom} inclusive, {@code startTo} exclusive).
 */
public record RecordingFilter(Optional<CallType> callType, Optional<String> identity, Optional<String> phoneNumber,
                              Optional<String> room, Optional<Instant> startFrom, Optional<Instant> startTo) {

    public static RecordingFilter none() {
        return new RecordingFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public RecordingFilter withCallType(CallType type) {
        return new RecordingFilter(Optional.of(type), identity, phoneNumber, room, startFrom, startTo);
    }

    public RecordingFilter withIdentity(String value) {
        return new RecordingFilter(callType, Optional.of(value), phoneNumber, room, startFrom, startTo);
    }

    public RecordingFilter withPhoneNumber(String value) {
        return new RecordingFilter(callType, identity, Optional.of(value), room, startFrom, startTo);
    }

    public RecordingFilter withRoom(String value) {
        return new RecordingFilter(callType, identity, phoneNumber, Optional.of(value), startFrom, startTo);
    }

    public RecordingFilter withStart(Optional<Instant> from, Optional<Instant> to) {
        return new RecordingFilter(callType, identity, phoneNumber, room, from, to);
    }
}
