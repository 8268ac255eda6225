package dev.parley.platform.ddr;

import java.util.Map;
import java.util.Objects;

/** A routing question for the account's callback URL, sent as JSON. */
public sealed interface ResolveRequest {

    /** The caller: an identity ({@link FromApp}) or a phone number ({@link FromPhone}). */
    String source();

    /**
     * A call an end user placed from an app ({@code callDynamicDestination} in the SDKs).
     * Sent as {@code {"source": identity, "customData": {...}}}.
     */
    record FromApp(String source, Map<String, String> customData) implements ResolveRequest {
        public FromApp {
            Objects.requireNonNull(source, "source");
            customData = Map.copyOf(customData);
        }
    }

    /**
     * A phone call to one of the account's numbers whose inbound type is DYNAMIC. Sent as
     * {@code {"source": caller's number, "destination": the number called}}.
     */
    record FromPhone(String source, String destination) implements ResolveRequest {
        public FromPhone {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }
    }
}
