package dev.parley.media.recording;

import dev.parley.media.sfu.MediaKind;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The file formats, and which codecs each takes. WebM is Matroska limited to Opus and VP8 here
 * (H.264 and G.711 are not WebM codecs); Ogg carries Opus alone (RFC 7845); G.711 goes into
 * Matroska as A_MS/ACM, which ffmpeg reads as pcm_mulaw / pcm_alaw.
 */
enum Container {
    WEBM("webm", "webm", Set.of("opus", "vp8"), true),
    MKV("mkv", "matroska", Set.of("opus", "pcmu", "pcma", "vp8", "h264"), true),
    MKA("mka", "matroska", Set.of("opus", "pcmu", "pcma"), false),
    OGG("ogg", "", Set.of("opus"), false);

    final String extension;
    final String docType;
    final Set<String> codecs;
    final boolean video;

    Container(String extension, String docType, Set<String> codecs, boolean video) {
        this.extension = extension;
        this.docType = docType;
        this.codecs = codecs;
        this.video = video;
    }

    static final Set<String> RECORDABLE = Set.of("opus", "pcmu", "pcma", "vp8", "h264");

    static String codecKey(String codecName) {
        return codecName.toLowerCase(Locale.ROOT);
    }

    boolean accepts(MediaKind kind, String codec) {
        return (kind == MediaKind.AUDIO || video) && codecs.contains(codec);
    }

    /**
     * The container for a new file that will hold {@code codecs} (the participant's recordable
     * codecs now): audio-only files are Ogg for Opus, Matroska audio for G.711; files with video
     * are WebM when WebM can hold everything, else Matroska.
     */
    static Container choose(boolean audioOnly, String firstCodec, Collection<String> codecs) {
        if (audioOnly) {
            return firstCodec.equals("opus") ? OGG : MKA;
        }
        return WEBM.codecs.containsAll(codecs) && WEBM.codecs.contains(firstCodec) ? WEBM : MKV;
    }
}
