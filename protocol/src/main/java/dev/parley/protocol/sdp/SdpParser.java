package dev.parley.protocol.sdp;

import dev.parley.protocol.Malformed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads SDP text line by line (RFC 8866 section 5): {@code v=}, {@code o=}, {@code s=} first,
 * then session lines in any order until the first {@code m=}, then media sections. Lines end
 * in CRLF or LF; blank lines are skipped. Value problems surface as
 * {@link IllegalArgumentException} from the records and become an {@link SdpParseResult.Error}
 * naming the line being read; nothing else is caught, so a bug still shows in the fuzz test.
 */
final class SdpParser {

    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_LINE = 4 * 1024;
    static final int MAX_MEDIA = 64;
    private static final int ERROR_LINE_CHARS = 256;

    private enum Stage { VERSION, ORIGIN, NAME, SESSION, MEDIA }

    private final SessionDescription.Builder session = SessionDescription.builder(Origin.of("0", 0));
    private final List<Timing> timings = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private final List<SdpParseResult.Note> notes = new ArrayList<>();
    private final Set<String> mids = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Integer> groupLines = new ArrayList<>();
    private Stage stage = Stage.VERSION;
    private MediaSectionParser section;
    private int lineNumber;
    private int firstMediaLine;

    /** A refusal on its way to the result; no stack trace, it is not a bug. */
    private static final class Refusal extends RuntimeException {
        private final int lineNumber;
        private final String line;

        Refusal(int lineNumber, String line, String reason) {
            super(reason, null, false, false);
            this.lineNumber = lineNumber;
            this.line = line;
        }
    }

    private SdpParser() {
    }

    static SdpParseResult parse(String text) {
        try {
            if (text == null) {
                throw new Refusal(0, "", "no text");
            }
            return new SdpParser().run(text);
        } catch (Refusal r) {
            Malformed.count(Malformed.Kind.SDP);
            String line = r.line.length() > ERROR_LINE_CHARS ? r.line.substring(0, ERROR_LINE_CHARS) : r.line;
            return new SdpParseResult.Error(r.lineNumber, line, r.getMessage());
        }
    }

    private SdpParseResult run(String text) {
        if (text.length() > MAX_TEXT) {
            throw new Refusal(0, "", "the description is longer than " + MAX_TEXT + " characters");
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, stop);
            start = end + 1;
            if (line.length() > MAX_LINE) {
                throw new Refusal(lineNumber, line, "the line is longer than " + MAX_LINE + " characters");
            }
            if (!line.isEmpty()) {
                try {
                    read(line);
                } catch (IllegalArgumentException e) {
                    throw new Refusal(lineNumber, line, e.getMessage());
                }
            }
        }
        return finish();
    }

    private void read(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == 0) {
                throw new IllegalArgumentException("the line has a CR or NUL inside it");
            }
        }
        char type = line.charAt(0);
        if (line.length() < 2 || line.charAt(1) != '=' || type < 'a' || type > 'z') {
            throw new IllegalArgumentException("not a <type>=<value> line");
        }
        String value = line.substring(2);
        switch (stage) {
            case VERSION -> version(type, value);
            case ORIGIN -> origin(type, value);
            case NAME -> name(type, value);
            case SESSION -> sessionLine(type, value);
            case MEDIA -> mediaLine(type, value);
        }
    }

    private void version(char type, String value) {
        if (type != 'v') {
            throw new IllegalArgumentException("the description must start with v=");
        }
        if (!value.equals("0")) {
            throw new IllegalArgumentException("unsupported SDP version " + Syntax.quote(value));
        }
        stage = Stage.ORIGIN;
    }

    private void origin(char type, String value) {
        if (type != 'o') {
            throw new IllegalArgumentException("expected o= after v=, found " + type + "=");
        }
        session.origin(Origin.parse(value));
        stage = Stage.NAME;
    }

    private void name(char type, String value) {
        if (type != 's') {
            throw new IllegalArgumentException("expected s= after o=, found " + type + "=");
        }
        session.sessionName(Syntax.text(value, "session name"));
        stage = Stage.SESSION;
    }

    private void sessionLine(char type, String value) {
        switch (type) {
            case 'i', 'u', 'e', 'p', 'z', 'k' -> session.addExtraLine(new SdpLine(type, value));
            case 'c' -> {
                once("c=");
                session.connection(Connection.parse(value));
            }
            case 'b' -> session.addBandwidth(Bandwidth.parse(value));
            case 't' -> timings.add(Timing.parse(value));
            case 'r' -> {
                if (timings.isEmpty()) {
                    throw new IllegalArgumentException("r= must follow a t= line");
                }
                timings.add(timings.removeLast().withRepeat(Syntax.text(value, "repeat time")));
            }
            case 'a' -> sessionAttribute(Attribute.parse(value));
            case 'm' -> startMedia(value);
            default -> throw notHere(type, "the session section");
        }
    }

    private void mediaLine(char type, String value) {
        switch (type) {
            case 'i', 'k' -> section.extraLine(new SdpLine(type, value));
            case 'c' -> section.connection(Connection.parse(value));
            case 'b' -> section.bandwidth(Bandwidth.parse(value));
            case 'a' -> section.attribute(Attribute.parse(value), lineNumber);
            case 'm' -> startMedia(value);
            default -> throw notHere(type, "a media section");
        }
    }

    private static IllegalArgumentException notHere(char type, String where) {
        return new IllegalArgumentException("vosiuepcbtrzkam".indexOf(type) < 0
                ? "unknown line type " + type + "="
                : type + "= is not allowed in " + where);
    }

    private void sessionAttribute(Attribute a) {
        String name = a.name();
        if (a.value().isEmpty()) {
            switch (name) {
                case "ice-lite" -> session.iceLite(true);
                case "extmap-allow-mixed" -> session.extmapAllowMixed(true);
                case "sendrecv", "sendonly", "recvonly", "inactive" -> {
                    once("direction");
                    session.direction(Direction.fromSdpName(name).orElseThrow());
                }
                default -> session.addAttribute(a);
            }
            return;
        }
        String value = a.value().get();
        switch (name) {
            case "group" -> {
                session.addGroup(Group.parse(value));
                groupLines.add(lineNumber);
            }
            case "msid-semantic" -> session.addMsidSemantic(MsidSemantic.parse(value));
            case "ice-options" -> {
                once("a=ice-options");
                session.iceOptions(Syntax.words(value).stream().map(o -> Syntax.token(o, "ice option")).toList());
            }
            case "ice-ufrag" -> {
                once("a=ice-ufrag");
                session.iceUfrag(Syntax.visible(Syntax.trimSpaces(value), "a=ice-ufrag"));
            }
            case "ice-pwd" -> {
                once("a=ice-pwd");
                session.icePwd(Syntax.visible(Syntax.trimSpaces(value), "a=ice-pwd"));
            }
            case "fingerprint" -> session.addFingerprint(Fingerprint.parse(value));
            case "setup" -> {
                once("a=setup");
                session.setup(Setup.parse(value));
            }
            case "extmap" -> session.addExtmap(Extmap.parse(value));
            default -> session.addAttribute(a);
        }
    }

    /** Single-valued session lines and attributes: a second one is an error (RFC 8839, RFC 4145). */
    private void once(String what) {
        if (!seen.add(what)) {
            throw new IllegalArgumentException("a second " + what + " in the session section");
        }
    }

    private void startMedia(String value) {
        finishSection();
        if (media.size() == MAX_MEDIA) {
            throw new IllegalArgumentException("more than " + MAX_MEDIA + " media sections");
        }
        if (stage == Stage.SESSION) {
            firstMediaLine = lineNumber;
        }
        stage = Stage.MEDIA;
        section = new MediaSectionParser(value, lineNumber, mids);
    }

    private void finishSection() {
        if (section != null) {
            try {
                media.add(section.finish(notes));
            } catch (IllegalArgumentException e) {
                throw new Refusal(section.mLineNumber(), section.mLine(), e.getMessage());
            }
            section = null;
        }
    }

    private SdpParseResult finish() {
        if (stage != Stage.SESSION && stage != Stage.MEDIA) {
            String missing = switch (stage) {
                case VERSION -> "v=";
                case ORIGIN -> "o=";
                default -> "s=";
            };
            throw new Refusal(lineNumber + 1, "", "the description ends before its " + missing + " line");
        }
        if (timings.isEmpty()) {
            throw new Refusal(firstMediaLine > 0 ? firstMediaLine : lineNumber + 1, "",
                    "the session section has no t= line");
        }
        finishSection();
        var description = session.timings(timings).media(media).build();
        checkBundle(description);
        return new SdpParseResult.Ok(description, notes);
    }

    private void checkBundle(SessionDescription description) {
        for (int i = 0; i < description.groups().size(); i++) {
            Group group = description.groups().get(i);
            for (String mid : group.mids()) {
                if (!mids.contains(mid)) {
                    notes.add(new SdpParseResult.Note(groupLines.get(i), "a=group:" + group.semantics() + " names mid " + mid
                            + " that no media section has"));
                }
            }
        }
    }
}
