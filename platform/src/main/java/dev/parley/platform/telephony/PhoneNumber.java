package dev.parley.platform.telephony;

import java.time.Instant;
import java.util.Optional;

/**
 * A phone number (E.164) of an account.
 *
 * @param outboundEnabled whether the account's users may call out with this number as caller ID
 * @param trunkId         the trunk outbound calls with this caller ID use; empty: the account's default
 * @param inbound         where calls to this number go
 */
public record PhoneNumber(String number, String accountId, boolean outboundEnabled, Optional<String> trunkId,
                          InboundDestination inbound, Instant createdAt, Instant updatedAt) {
}
