package dev.parley.media.negotiation;

import dev.parley.protocol.sdp.Extmap;
import dev.parley.protocol.sdp.MediaDescription;
import java.util.List;

/** What Parley answers for one offered media section. */
public sealed interface SectionAnswer {

    MediaDescription offered();

    /** The peer publishes here; we receive. */
    record Receive(MediaDescription offered, ChosenCodec codec, List<Extmap> extmaps) implements SectionAnswer {
    }

    /** We send a track here, on a leg with its own SSRC. */
    record Send(MediaDescription offered, ChosenCodec codec, List<Extmap> extmaps, long ssrc, String streamId,
                String trackId) implements SectionAnswer {
    }

    /** Accepted but idle: nothing to send yet, nothing to receive. */
    record Inactive(MediaDescription offered, ChosenCodec codec) implements SectionAnswer {
    }

    /** Refused (port 0): a kind or codec Parley does not handle. */
    record Rejected(MediaDescription offered) implements SectionAnswer {
    }
}
