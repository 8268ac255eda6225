package dev.parley.platform.recording;

import dev.parley.platform.token.RecordingCapability;
import java.util.Optional;

/**
 * Who is recorded, and how: the account's setting, the recording capability of the member's
 * identity token and the recording option of the member's call or join decide one member's
 * outcome, exactly as the table in docs/recording.md (the seed's 36 rows) says:
 *
 * <ul>
 *   <li>an account that records nothing records nothing, whatever the rest says;</li>
 *   <li>a token with {@code DISABLED} records nothing for that member;</li>
 *   <li>a token with {@code ALWAYS}, or none, records what the account says and ignores the
 *       call option;</li>
 *   <li>a token with {@code ON_DEMAND} records only when the call option asks, and then no
 *       more than the account allows (audio when either says audio).</li>
 * </ul>
 *
 * A call or room records once one member's outcome records, and then records every member; the
 * type is the largest of the members' outcomes ({@link #forConversation}).
 */
public final class RecordingPolicy {

    private RecordingPolicy() {
    }

    /** One member's outcome; empty means this member's settings do not ask for a recording. */
    public static Optional<RecordingType> outcome(AccountRecording account, Optional<RecordingCapability> token,
                                                  Optional<RecordingType> callOption) {
        Optional<RecordingType> accountType = switch (account) {
            case NO_RECORDING -> Optional.empty();
            case AUDIO -> Optional.of(RecordingType.AUDIO);
            case AUDIO_AND_VIDEO -> Optional.of(RecordingType.AUDIO_AND_VIDEO);
        };
        if (accountType.isEmpty()) {
            return Optional.empty();
        }
        return switch (token.orElse(RecordingCapability.ALWAYS)) {
            case DISABLED -> Optional.empty();
            case ALWAYS -> accountType;
            case ON_DEMAND -> callOption.map(asked -> asked == RecordingType.AUDIO || accountType.get() == RecordingType.AUDIO
                    ? RecordingType.AUDIO : RecordingType.AUDIO_AND_VIDEO);
        };
    }

    /**
     * The recording of a call or room given its members' outcomes so far: empty while none
     * records; else the largest type. A phone call ({@code audioOnly}) records audio only.
     */
    public static Optional<RecordingType> forConversation(Iterable<Optional<RecordingType>> outcomes, boolean audioOnly) {
        Optional<RecordingType> result = Optional.empty();
        for (Optional<RecordingType> outcome : outcomes) {
            if (outcome.isPresent()) {
                result = Optional.of(result.map(type -> type.max(outcome.get())).orElse(outcome.get()));
            }
        }
        return audioOnly ? result.map(type -> RecordingType.AUDIO) : result;
    }
}
