package dev.parley.platform.calllink;

import dev.parley.platform.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** How a configuration is stored: the columns of {@code call_link_configs}. */
final class ConfigRows {

    static final String COLUMNS = "id, account_id, name, is_default, start_audio, start_video, start_muted,"
            + " camera_facing, offer_mute, offer_screen_share, offer_camera, offer_switch_camera, offer_dial_pad,"
            + " offer_settings, offer_recording_sign, logo_image_id, background_image_id, welcome_text,"
            + " inactive_text, expiration_text, color_primary, color_primary_text, color_background,"
            + " created_at, updated_at";

    /** {@code name = ?, ..., color_background = ?}: what an update replaces, in {@link #values} order. */
    static final String SETTABLE = String.join(" = ?, ", List.of(COLUMNS.split(",\\s*")).subList(2, 23)) + " = ?";

    private ConfigRows() {
    }

    static Optional<CallLinkConfig> find(Connection c, String accountId, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM call_link_configs WHERE id = ? AND account_id = ?",
                ConfigRows::map, id, accountId);
    }

    static Optional<CallLinkConfig> defaultOf(Connection c, String accountId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM call_link_configs WHERE account_id = ? AND is_default = TRUE",
                ConfigRows::map, accountId);
    }

    static List<CallLinkConfig> ofAccount(Connection c, String accountId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM call_link_configs WHERE account_id = ? ORDER BY created_at, id",
                ConfigRows::map, accountId);
    }

    /** The values after id, account_id, for INSERT and UPDATE, in {@link #COLUMNS} order. */
    static Object[] values(ConfigSpec spec, boolean isDefault) {
        var i = spec.initialOptions();
        var o = spec.callOptions();
        var t = spec.theme();
        return new Object[] {spec.name(), isDefault, i.audio(), i.video(), i.muted(), i.cameraFacingMode().name(),
                o.mute(), o.screenShare(), o.camera(), o.switchCameraFacingMode(), o.dialPad(), o.settings(),
                o.recordingIndicator(), t.logoImageId().orElse(null), t.backgroundImageId().orElse(null),
                t.messages().welcomeText(), t.messages().inactiveText(), t.messages().expirationText(),
                t.colors().primary(), t.colors().primaryText(), t.colors().background()};
    }

    static CallLinkConfig map(ResultSet row) throws SQLException {
        return new CallLinkConfig(Optional.of(row.getString("id")), row.getString("name"), row.getBoolean("is_default"),
                new InitialOptions(row.getBoolean("start_audio"), row.getBoolean("start_video"),
                        row.getBoolean("start_muted"), CameraFacing.valueOf(row.getString("camera_facing"))),
                new CallOptions(row.getBoolean("offer_mute"), row.getBoolean("offer_screen_share"),
                        row.getBoolean("offer_camera"), row.getBoolean("offer_switch_camera"),
                        row.getBoolean("offer_dial_pad"), row.getBoolean("offer_settings"),
                        row.getBoolean("offer_recording_sign")),
                new Theme(Optional.ofNullable(row.getString("logo_image_id")),
                        Optional.ofNullable(row.getString("background_image_id")),
                        new Theme.Messages(row.getString("welcome_text"), row.getString("inactive_text"),
                                row.getString("expiration_text")),
                        new Theme.Colors(row.getString("color_primary"), row.getString("color_primary_text"),
                                row.getString("color_background"))),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
