package dev.parley.platform.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.platform.token.RecordingCapability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every row of the recording table in ../shared/seeds/infobip-webrtc.txt ("Record WebRTC
 * calls"), copied as data: account setting, token, SDK call option, outcome.
 */
class RecordingPolicyTest {

    @ParameterizedTest(name = "{0} | {1} | {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            NO_RECORDING    | UNDEFINED | UNDEFINED       | NO_RECORDING
            NO_RECORDING    | UNDEFINED | AUDIO           | NO_RECORDING
            NO_RECORDING    | UNDEFINED | AUDIO_AND_VIDEO | NO_RECORDING
            NO_RECORDING    | DISABLED  | UNDEFINED       | NO_RECORDING
            NO_RECORDING    | DISABLED  | AUDIO           | NO_RECORDING
            NO_RECORDING    | DISABLED  | AUDIO_AND_VIDEO | NO_RECORDING
            NO_RECORDING    | ON_DEMAND | UNDEFINED       | NO_RECORDING
            NO_RECORDING    | ON_DEMAND | AUDIO           | NO_RECORDING
            NO_RECORDING    | ON_DEMAND | AUDIO_AND_VIDEO | NO_RECORDING
            NO_RECORDING    | ALWAYS    | UNDEFINED       | NO_RECORDING
            NO_RECORDING    | ALWAYS    | AUDIO           | NO_RECORDING
            NO_RECORDING    | ALWAYS    | AUDIO_AND_VIDEO | NO_RECORDING
            AUDIO           | UNDEFINED | UNDEFINED       | AUDIO
            AUDIO           | UNDEFINED | AUDIO           | AUDIO
            AUDIO           | UNDEFINED | AUDIO_AND_VIDEO | AUDIO
            AUDIO           | DISABLED  | UNDEFINED       | NO_RECORDING
            AUDIO           | DISABLED  | AUDIO           | NO_RECORDING
            AUDIO           | DISABLED  | AUDIO_AND_VIDEO | NO_RECORDING
            AUDIO           | ON_DEMAND | UNDEFINED       | NO_RECORDING
            AUDIO           | ON_DEMAND | AUDIO           | AUDIO
            AUDIO           | ON_DEMAND | AUDIO_AND_VIDEO | AUDIO
            AUDIO           | ALWAYS    | UNDEFINED       | AUDIO
            AUDIO           | ALWAYS    | AUDIO           | AUDIO
            AUDIO           | ALWAYS    | AUDIO_AND_VIDEO | AUDIO
            AUDIO_AND_VIDEO | UNDEFINED | UNDEFINED       | AUDIO_AND_VIDEO
            AUDIO_AND_VIDEO | UNDEFINED | AUDIO           | AUDIO_AND_VIDEO
            AUDIO_AND_VIDEO | UNDEFINED | AUDIO_AND_VIDEO | AUDIO_AND_VIDEO
            AUDIO_AND_VIDEO | DISABLED  | UNDEFINED       | NO_RECORDING
            AUDIO_AND_VIDEO | DISABLED  | AUDIO           | NO_RECORDING
            AUDIO_AND_VIDEO | DISABLED  | AUDIO_AND_VIDEO | NO_RECORDING
            AUDIO_AND_VIDEO | ON_DEMAND | UNDEFINED       | NO_RECORDING
            AUDIO_AND_VIDEO | ON_DEMAND | AUDIO           | AUDIO
            AUDIO_AND_VIDEO | ON_DEMAND | AUDIO_AND_VIDEO | AUDIO_AND_VIDEO
            AUDIO_AND_VIDEO | ALWAYS    | UNDEFINED       | AUDIO_AND_VIDEO
            AUDIO_AND_VIDEO | ALWAYS    | AUDIO           | AUDIO_AND_VIDEO
            AUDIO_AND_VIDEO | ALWAYS    | AUDIO_AND_VIDEO | AUDIO_AND_VIDEO
            """)
    void theSeedsTableRowByRow(String account, String token, String option, String outcome) {
        Optional<RecordingCapability> capability = token.equals("UNDEFINED") ? Optional.empty()
                : Optional.of(RecordingCapability.valueOf(token));
        Optional<RecordingType> asked = option.equals("UNDEFINED") ? Optional.empty()
                : Optional.of(RecordingType.valueOf(option));
        Optional<RecordingType> expected = outcome.equals("NO_RECORDING") ? Optional.empty()
                : Optional.of(RecordingType.valueOf(outcome));
        assertEquals(expected, RecordingPolicy.outcome(AccountRecording.valueOf(account), capability, asked));
    }

    @Test
    void oneMemberWhoRecordsRecordsEveryoneWithTheLargestTypeAndPhoneCallsRecordAudio() {
        var none = Optional.<RecordingType>empty();
        var audio = Optional.of(RecordingType.AUDIO);
        var video = Optional.of(RecordingType.AUDIO_AND_VIDEO);
        assertEquals(Optional.empty(), RecordingPolicy.forConversation(List.of(none, none), false));
        assertEquals(audio, RecordingPolicy.forConversation(List.of(none, audio), false));
        assertEquals(video, RecordingPolicy.forConversation(List.of(audio, none, video), false));
        assertEquals(audio, RecordingPolicy.forConversation(List.of(video, none), true));
    }
}
