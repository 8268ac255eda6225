package dev.parley.platform.telephony;

import java.util.Optional;

/** Narrows a list of numbers: by inbound destination type, by whether outbound calls are enabled. */
public record NumberFilter(Optional<InboundType> type, Optional<Boolean> outboundEnabled) {

    public static NumberFilter none() {
        return new NumberFilter(Optional.empty(), Optional.empty());
    }
}
