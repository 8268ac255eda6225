package dev.parley.platform.telephony;

import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** How a phone number is stored: the columns of {@code phone_numbers}. */
final class NumberRows {

    static final String COLUMNS = "e164, account_id, outbound_enabled, trunk_id, inbound_type, inbound_target,"
            + " created_at, updated_at";

    private NumberRows() {
    }

    static Optional<PhoneNumber> find(Connection c, String accountId, String number) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM phone_numbers WHERE e164 = ? AND account_id = ?",
                NumberRows::map, number, accountId);
    }

    /** The number whatever its account: only for routing an inbound call, never for an API answer. */
    static Optional<PhoneNumber> findAnyAccount(Connection c, String number) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM phone_numbers WHERE e164 = ?", NumberRows::map, number);
    }

    static PhoneNumber map(ResultSet row) throws SQLException {
        var inbound = InboundDestination.stored(InboundType.valueOf(row.getString("inbound_type")),
                Optional.ofNullable(row.getString("inbound_target")));
        return new PhoneNumber(row.getString("e164"), row.getString("account_id"), row.getBoolean("outbound_enabled"),
                Optional.ofNullable(row.getString("trunk_id")), inbound, Sql.instant(row, "created_at").orElseThrow(),
                Sql.instant(row, "updated_at").orElseThrow());
    }
}
