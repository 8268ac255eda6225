package dev.parley.platform.telephony;

import java.util.Optional;

/**
 * A phone number's settings as a caller asks for them; the destination is validated when it
 * is built ({@link InboundDestination#of}), and the trunk when it is stored (it must be one of
 * the account's).
 */
public record NumberSpec(boolean outboundEnabled, Optional<String> trunkId, InboundDestination inbound) {
}
