package dev.parley.platform.signaling;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.parley.platform.calls.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Text frames to {@link ClientMessage}s and {@link ServerMessage}s to text frames. A frame
 * that is not a JSON object with a string {@code type}, or is too large, cannot be answered
 * sensibly ({@link Decoded.Fatal}: the socket closes with 4400); a known frame with a field of
 * the wrong type, or an unknown type, is answered with an error and the socket stays open.
 */
public final class SignalingCodec {

    /** The outcome of reading one frame. */
    public sealed interface Decoded {
        record Message(ClientMessage message) implements Decoded {
        }

        record Rejected(String requestId, String callId, ErrorCode.Info error) implements Decoded {
        }

        record Fatal(String reason) implements Decoded {
        }
    }

    private static final Set<String> TYPES = Arrays.stream(ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter writer;

    public SignalingCodec() {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.writer = mapper.writerFor(ServerMessage.class);
    }

    public Decoded decode(String text) {
        if (text.length() > SignalingSettings.MAX_MESSAGE_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length > SignalingSettings.MAX_MESSAGE_BYTES) {
            return new Decoded.Fatal("message larger than " + SignalingSettings.MAX_MESSAGE_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new Decoded.Fatal("message is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            return new Decoded.Fatal("message is not a JSON object");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return new Decoded.Fatal("message has no string 'type'");
        }
        String requestId = node.path("requestId").isTextual() ? node.get("requestId").asText() : null;
        String callId = node.path("callId").isTextual() ? node.get("callId").asText() : null;
        if (requestId != null && requestId.length() > 64) {
            return new Decoded.Rejected(null, callId,
                    ErrorCode.INVALID_REQUEST.info("requestId must be at most 64 characters"));
        }
        if (!TYPES.contains(type.asText())) {
            return new Decoded.Rejected(requestId, callId, ErrorCode.INVALID_REQUEST.info(
                    "unknown type '" + abbreviate(type.asText()) + "'"));
        }
        try {
            return new Decoded.Message(mapper.treeToValue(node, ClientMessage.class));
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new Decoded.Rejected(requestId, callId, ErrorCode.INVALID_REQUEST.info(
                    (field.isEmpty() ? "a field" : field) + " has the wrong type"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Decoded.Rejected(requestId, callId, ErrorCode.INVALID_REQUEST.info("the message cannot be read"));
        }
    }

    public String encode(ServerMessage message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a signaling message", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
