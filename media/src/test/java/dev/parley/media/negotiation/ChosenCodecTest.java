package dev.parley.media.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.sdp.Codec;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

class ChosenCodecTest {

    private static MediaDescription audio(String codecs) {
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111 110 126\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\n"
                + "a=rtpmap:111 opus/48000/2\r\n" + codecs;
        return SessionDescription.parse(sdp).toOptional().orElseThrow().media().getFirst();
    }

    @Test
    void telephoneEventAtOpusRateIsPreferredAndEchoedWithItsEvents() {
        var m = audio("a=rtpmap:110 telephone-event/8000\r\na=rtpmap:126 telephone-event/48000\r\na=fmtp:126 0-15\r\n");
        ChosenCodec codec = ChosenCodec.forReceiving(m).orElseThrow();
        assertEquals(126, codec.telephoneEventPayloadType());
        var answer = codec.answerCodecs();
        assertEquals(2, answer.size());
        assertEquals("telephone-event", answer.get(1).name());
        assertEquals("0-15", answer.get(1).fmtp());
    }

    @Test
    void theEightKilohertzOneServesWhenItIsTheOnlyOne() {
        var m = audio("a=rtpmap:110 telephone-event/8000\r\n");
        assertEquals(110, ChosenCodec.forReceiving(m).orElseThrow().telephoneEventPayloadType());
    }

    @Test
    void noTelephoneEventWithoutAnOfferAndNeverOnLegsParleySends() {
        var m = audio("");
        assertEquals(-1, ChosenCodec.forReceiving(m).orElseThrow().telephoneEventPayloadType());
        var withEvents = audio("a=rtpmap:126 telephone-event/48000\r\n");
        ChosenCodec sending = ChosenCodec.forSending(withEvents, "opus", "").orElseThrow();
        assertTrue(sending.answerCodecs().stream().map(Codec::name).noneMatch("telephone-event"::equals));
    }

    @Test
    void aPublisherCanBeAnsweredWithG711AndItsEightKilohertzEvents() {
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 126 110\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\n"
                + "a=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:126 telephone-event/48000\r\na=rtpmap:110 telephone-event/8000\r\n";
        var m = SessionDescription.parse(sdp).toOptional().orElseThrow().media().getFirst();
        ChosenCodec pcmu = ChosenCodec.forReceiving(m, java.util.List.of("PCMU", "PCMA")).orElseThrow();
        assertEquals("PCMU", pcmu.name());
        assertEquals(0, pcmu.payloadType());
        assertEquals(110, pcmu.telephoneEventPayloadType(), "events at the audio's clock");
        assertTrue(pcmu.answerCodecs().getFirst().rtcpFeedback().isEmpty(), "no video feedback on audio");
        assertEquals("PCMA", ChosenCodec.forReceiving(m, java.util.List.of("PCMA")).orElseThrow().name());
        assertEquals("opus", ChosenCodec.forReceiving(m).orElseThrow().name(), "Opus stays the default");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ChosenCodec.validateAudio(java.util.List.of("G729")));
    }
}
