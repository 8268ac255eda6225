package dev.parley.protocol.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SequencedMap;

/**
 * One RTP payload format of a media section: its {@code a=rtpmap} joined with the
 * {@code a=fmtp} and {@code a=rtcp-fb} lines of the same payload type (RFC 8866 section 6.6,
 * RFC 4585 section 4.2):
 *
 * <pre>
 * a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]
 * a=rtcp-fb:&lt;payload type&gt; &lt;type&gt; [&lt;parameter&gt;]
 * a=fmtp:&lt;payload type&gt; &lt;format specific parameters&gt;
 * </pre>
 *
 * The fmtp text is kept as written ({@code ""} when there is none) and read as an ordered
 * {@code key=value;...} map on demand, so values like {@code 0-15} (telephone-event) or
 * {@code 111/111} (red) survive unchanged.
 */
public record Codec(int payloadType, String name, int clockRate, OptionalInt channels, String fmtp,
        List<RtcpFeedback> rtcpFeedback) {

    public Codec {
        Syntax.range(payloadType, 0, 127, "payload type");
        Syntax.token(name, "codec name");
        Syntax.range(clockRate, 1, Integer.MAX_VALUE, "clock rate");
        channels.ifPresent(c -> Syntax.range(c, 1, 255, "channels"));
        Syntax.text(fmtp, "fmtp");
        if (!fmtp.equals(Syntax.trimSpaces(fmtp))) {
            throw new IllegalArgumentException("fmtp must not start or end with a space");
        }
        rtcpFeedback = List.copyOf(rtcpFeedback);
    }

    public static Codec of(int payloadType, String name, int clockRate) {
        return new Codec(payloadType, name, clockRate, OptionalInt.empty(), "", List.of());
    }

    public static Codec of(int payloadType, String name, int clockRate, int channels) {
        return new Codec(payloadType, name, clockRate, OptionalInt.of(channels), "", List.of());
    }

    /** An RTX codec (RFC 4588 section 8.6) repairing {@code associatedPayloadType}. */
    public static Codec rtx(int payloadType, int associatedPayloadType, int clockRate) {
        return of(payloadType, "rtx", clockRate).withFmtp("apt=" + associatedPayloadType);
    }

    public Codec withPayloadType(int pt) {
        return new Codec(pt, name, clockRate, channels, fmtp, rtcpFeedback);
    }

    public Codec withFmtp(String raw) {
        return new Codec(payloadType, name, clockRate, channels, raw, rtcpFeedback);
    }

    /** Writes the parameters as {@code key=value;key=value}; an empty value writes the key alone. */
    public Codec withFmtpParameters(SequencedMap<String, String> parameters) {
        var sb = new StringBuilder();
        parameters.forEach((key, value) -> {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(key);
            if (!value.isEmpty()) {
                sb.append('=').append(value);
            }
        });
        return withFmtp(sb.toString());
    }

    public Codec withRtcpFeedback(List<RtcpFeedback> feedback) {
        return new Codec(payloadType, name, clockRate, channels, fmtp, feedback);
    }

    /** The fmtp parameters in order; a part without {@code =} maps to {@code ""}. Read-only. */
    public SequencedMap<String, String> fmtpParameters() {
        var parameters = new LinkedHashMap<String, String>();
        for (String part : fmtp.split(";")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                parameters.putIfAbsent(trimmed, "");
            } else {
                parameters.putIfAbsent(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
            }
        }
        return Collections.unmodifiableSequencedMap(parameters);
    }

    /** One fmtp parameter, its name compared without regard to case (RFC 8866 section 6.15). */
    public Optional<String> fmtpParameter(String key) {
        for (Map.Entry<String, String> e : fmtpParameters().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The {@code apt=} of an RTX (or RED/FEC wrapper declaring one) payload type. */
    public OptionalInt associatedPayloadType() {
        var apt = fmtpParameter("apt");
        if (apt.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Syntax.integer(apt.get(), 0, 127, "apt"));
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    /** Encoding names are case-insensitive (RFC 8866 section 6.6): "H264" is "h264". */
    public boolean isNamed(String encodingName) {
        return name.equalsIgnoreCase(encodingName);
    }

    public boolean isRtx() {
        return isNamed("rtx");
    }

    public boolean hasFeedback(RtcpFeedback feedback) {
        return rtcpFeedback.contains(feedback);
    }

    /** What follows {@code a=rtpmap:}. */
    String rtpmapValue() {
        var sb = new StringBuilder().append(payloadType).append(' ').append(name).append('/').append(clockRate);
        channels.ifPresent(c -> sb.append('/').append(c));
        return sb.toString();
    }
}
