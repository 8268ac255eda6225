package dev.parley.platform.telephony;

import java.util.Optional;

/**
 * What to do with a call that came in for a number: whose it is, where it goes, and the trunk
 * that carries the number (its own, else the account's default; empty when the account has
 * no trunk).
 */
public record NumberRoute(String accountId, PhoneNumber number, InboundDestination destination, Optional<Trunk> trunk) {
}
