package dev.parley.protocol.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link SessionDescription#parse} gives: the description, or why and where it was refused. */
public sealed interface SdpParseResult {

    /** A parsed description, with notes on things kept but odd (an rtpmap for a payload type the m= line lacks). */
    record Ok(SessionDescription description, List<Note> notes) implements SdpParseResult {
        public Ok {
            Objects.requireNonNull(description, "description");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A refusal: the 1-based line number, that line as written (cut to 256 characters), and
     * the reason. Line 0 means the text as a whole (too long).
     */
    record Error(int lineNumber, String line, String reason) implements SdpParseResult {
        public Error {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Something the parser accepted but a reader may want to know. */
    record Note(int lineNumber, String message) {
        public Note {
            Objects.requireNonNull(message, "message");
        }
    }

    default Optional<SessionDescription> toOptional() {
        return this instanceof Ok ok ? Optional.of(ok.description()) : Optional.empty();
    }
}
