package dev.parley.platform.ddr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.platform.telephony.E164;
import dev.parley.platform.token.IdentityTokenRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a callback's 2xx answer: {@code {"action": "call"|"call_phone_number", "destination",
 * "source"?}}. The destination (and the source, when given) must suit the action: an identity
 * for {@code call}, an E.164 number for {@code call_phone_number}. Other fields are ignored,
 * so a customer's backend may send more than Parley reads.
 */
final class ResolutionParser {

    private ResolutionParser() {
    }

    static Resolution parse(ObjectMapper mapper, byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return invalid("the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            return invalid("the answer is not a JSON object");
        }
        JsonNode actionNode = root.get("action");
        Optional<RouteAction> action = actionNode != null && actionNode.isTextual()
                ? RouteAction.fromWire(actionNode.textValue()) : Optional.empty();
        if (action.isEmpty()) {
            return invalid("action must be \"call\" or \"call_phone_number\"");
        }
        JsonNode destination = root.get("destination");
        if (destination == null || !destination.isTextual() || !suits(action.get(), destination.textValue())) {
            return invalid("destination must be " + expected(action.get()));
        }
        JsonNode source = root.get("source");
        if (source == null || source.isNull()) {
            return new Resolution.Route(action.get(), destination.textValue(), Optional.empty());
        }
        if (!source.isTextual() || !suits(action.get(), source.textValue())) {
            return invalid("source must be " + expected(action.get()));
        }
        return new Resolution.Route(action.get(), destination.textValue(), Optional.of(source.textValue()));
    }

    private static boolean suits(RouteAction action, String value) {
        return switch (action) {
            case CALL -> IdentityTokenRequest.IDENTITY.matcher(value).matches();
            case CALL_PHONE_NUMBER -> E164.isValid(value);
        };
    }

    private static String expected(RouteAction action) {
        return switch (action) {
            case CALL -> "an identity (3 to 64 letters, digits or _ . - + = /) for action \"call\"";
            case CALL_PHONE_NUMBER -> "an E.164 number (+ and 2 to 15 digits) for action \"call_phone_number\"";
        };
    }

    private static Resolution invalid(String detail) {
        return new Resolution.Failed(ResolveFailure.INVALID_RESPONSE, detail);
    }
}
