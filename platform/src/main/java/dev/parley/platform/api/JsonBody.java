package dev.parley.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request body read as a JSON object, field by field, so each wrong value is reported
 * with its own name. Fields the route does not know are refused: a typo in an optional
 * field must not silently fall back to a default.
 */
public final class JsonBody {

    private final ObjectNode root;
    private final String prefix;
    private final Set<String> known = new HashSet<>();

    private JsonBody(ObjectNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** Parses {@code bytes}; an empty body is an empty object. */
    public static JsonBody parse(ObjectMapper mapper, byte[] bytes) {
        if (bytes.length == 0) {
            return new JsonBody(mapper.createObjectNode(), "");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw ApiProblem.invalid("body", "cannot be read");
        }
        if (node == null || node.isMissingNode()) {
            return new JsonBody(mapper.createObjectNode(), "");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        return new JsonBody(object, "");
    }

    public Optional<String> string(String field) {
        return value(field).map(node -> {
            if (!node.isTextual()) {
                throw ApiProblem.invalid(name(field), "must be a string");
            }
            return node.textValue();
        });
    }

    public String requiredString(String field) {
        return string(field).orElseThrow(() -> ApiProblem.invalid(name(field), "is required"));
    }

    public Optional<Long> integer(String field) {
        return value(field).map(node -> {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw ApiProblem.invalid(name(field), "must be a whole number");
            }
            return node.longValue();
        });
    }

    public Optional<Boolean> bool(String field) {
        return value(field).map(node -> {
            if (!node.isBoolean()) {
                throw ApiProblem.invalid(name(field), "must be true or false");
            }
            return node.booleanValue();
        });
    }

    public Optional<JsonBody> object(String field) {
        return value(field).map(node -> {
            if (!(node instanceof ObjectNode object)) {
                throw ApiProblem.invalid(name(field), "must be an object");
            }
            return new JsonBody(object, name(field) + ".");
        });
    }

    /** An array of strings; an item that is not a string is named with its index ({@code codecs[1]}). */
    public Optional<List<String>> strings(String field) {
        return value(field).map(node -> {
            if (!node.isArray()) {
                throw ApiProblem.invalid(name(field), "must be an array of strings");
            }
            var items = new ArrayList<String>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw ApiProblem.invalid(name(field) + "[" + i + "]", "must be a string");
                }
                items.add(node.get(i).textValue());
            }
            return List.copyOf(items);
        });
    }

    /** An object whose values are all strings, in the order given; a value that is not a string is named ({@code customData.key}). */
    public Optional<java.util.Map<String, String>> stringMap(String field) {
        return value(field).map(node -> {
            if (!(node instanceof ObjectNode object)) {
                throw ApiProblem.invalid(name(field), "must be an object whose values are strings");
            }
            var map = new java.util.LinkedHashMap<String, String>();
            for (var entry : object.properties()) {
                if (!entry.getValue().isTextual()) {
                    throw ApiProblem.invalid(name(field) + "." + entry.getKey(), "must be a string");
                }
                map.put(entry.getKey(), entry.getValue().textValue());
            }
            return map;
        });
    }

    /** An enum constant named by a string field. */
    public <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type) {
        return string(field).map(text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            throw ApiProblem.invalid(name(field), "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        });
    }

    /** Refuses any field that was never asked for. Call after reading every field. */
    public void rejectUnknownFields() {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                throw ApiProblem.invalid(name(field), "is not a known field");
            }
        }
    }

    private Optional<JsonNode> value(String field) {
        known.add(field);
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private String name(String field) {
        return prefix + field;
    }
}
