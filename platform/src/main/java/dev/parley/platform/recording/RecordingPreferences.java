package dev.parley.platform.recording;

import java.util.Objects;

/**
 * An account's recording setting (the seed's "recording preferences"): what its calls and
 * rooms record at most, and whether a recording's participant files are mixed into one.
 */
public record RecordingPreferences(AccountRecording recording, boolean compose) {

    /** What an account that never set anything gets: nothing is recorded. */
    public static final RecordingPreferences DEFAULT = new RecordingPreferences(AccountRecording.NO_RECORDING, false);

    public RecordingPreferences {
        Objects.requireNonNull(recording, "recording");
    }
}
