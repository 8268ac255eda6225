package dev.parley.platform.telephony;

import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a trunk is stored: the columns of {@code sip_trunks} and the lists kept as comma-separated text. */
final class TrunkRows {

    static final String COLUMNS = "id, account_id, name, host, port, transport, username, password, codecs,"
            + " webrtc_audio, allowed_addresses, keep_alive, is_default, created_at, updated_at";

    private TrunkRows() {
    }

    static Optional<Trunk> find(Connection c, String accountId, String trunkId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sip_trunks WHERE id = ? AND account_id = ?",
                TrunkRows::map, trunkId, accountId);
    }

    static Optional<Trunk> defaultTrunk(Connection c, String accountId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sip_trunks WHERE account_id = ? AND is_default = TRUE",
                TrunkRows::map, accountId);
    }

    static List<Trunk> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM sip_trunks ORDER BY account_id, created_at, id", TrunkRows::map);
    }

    static List<Trunk> ofAccount(Connection c, String accountId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM sip_trunks WHERE account_id = ? ORDER BY created_at, id",
                TrunkRows::map, accountId);
    }

    static Trunk map(ResultSet row) throws SQLException {
        return new Trunk(row.getString("id"), row.getString("account_id"), row.getString("name"),
                row.getString("host"), row.getInt("port"), Transport.valueOf(row.getString("transport")),
                Optional.ofNullable(row.getString("username")), Optional.ofNullable(row.getString("password")),
                codecs(row.getString("codecs")), WebrtcAudio.valueOf(row.getString("webrtc_audio")),
                addresses(row.getString("allowed_addresses")), row.getBoolean("keep_alive"),
                row.getBoolean("is_default"), Sql.instant(row, "created_at").orElseThrow(),
                Sql.instant(row, "updated_at").orElseThrow());
    }

    static String codecsText(List<Codec> codecs) {
        return codecs.stream().map(Codec::name).collect(Collectors.joining(","));
    }

    static String addressesText(List<AddressRange> ranges) {
        return ranges.stream().map(AddressRange::toString).collect(Collectors.joining(","));
    }

    private static List<Codec> codecs(String text) {
        return Arrays.stream(text.split(",")).map(Codec::valueOf).toList();
    }

    private static List<AddressRange> addresses(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(","))
                .map(range -> AddressRange.tryParse(range)
                        .orElseThrow(() -> new IllegalStateException("stored address range is not valid: " + range)))
                .toList();
    }
}
