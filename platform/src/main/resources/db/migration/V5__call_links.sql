-- Call links: each account's link configurations (options and theme), the images themes use,
-- and the links themselves. Portable between H2 and PostgreSQL: no vendor types (BYTEA is
-- H2's alias of VARBINARY), timestamps with time zone in UTC. Every query from the API
-- filters on account_id; only a link's code and an image's id are looked up server-wide,
-- by the public page.

-- An uploaded logo or background. type is LOGO or BACKGROUND; content_type is what the bytes
-- were found to be (image/png, image/jpeg, image/webp), never what the client claimed. The
-- bytes live here, not on disk (docs/decisions.md #19): they are small and bounded, and then
-- backups, nodes of a cluster and deletes see one consistent store.
CREATE TABLE call_link_images (
    id           VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id   VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    name         VARCHAR(255)             NOT NULL,
    type         VARCHAR(16)              NOT NULL,
    content_type VARCHAR(32)              NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    width        INTEGER                  NOT NULL,
    height       INTEGER                  NOT NULL,
    data         BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX call_link_images_by_account ON call_link_images (account_id, created_at);

-- A configuration: what the call page starts with, offers and looks like. is_default is true
-- on exactly one configuration of an account that has any (kept so by the service under the
-- account's row lock). camera_facing is USER or ENVIRONMENT; colours are #RGB or #RRGGBB.
-- An image in use cannot be deleted (the references below, and a 409 from the service).
CREATE TABLE call_link_configs (
    id                      VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id              VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    name                    VARCHAR(100)             NOT NULL,
    is_default              BOOLEAN                  NOT NULL,
    start_audio             BOOLEAN                  NOT NULL,
    start_video             BOOLEAN                  NOT NULL,
    start_muted             BOOLEAN                  NOT NULL,
    camera_facing           VARCHAR(16)              NOT NULL,
    offer_mute              BOOLEAN                  NOT NULL,
    offer_screen_share      BOOLEAN                  NOT NULL,
    offer_camera            BOOLEAN                  NOT NULL,
    offer_switch_camera     BOOLEAN                  NOT NULL,
    offer_dial_pad          BOOLEAN                  NOT NULL,
    offer_settings          BOOLEAN                  NOT NULL,
    offer_recording_sign    BOOLEAN                  NOT NULL,
    logo_image_id           VARCHAR(40)              REFERENCES call_link_images (id),
    background_image_id     VARCHAR(40)              REFERENCES call_link_images (id),
    welcome_text            VARCHAR(2000)            NOT NULL,
    inactive_text           VARCHAR(2000)            NOT NULL,
    expiration_text         VARCHAR(2000)            NOT NULL,
    color_primary           VARCHAR(7)               NOT NULL,
    color_primary_text      VARCHAR(7)               NOT NULL,
    color_background        VARCHAR(7)               NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX call_link_configs_by_account ON call_link_configs (account_id, created_at);

-- A link. code is the random part of its URL, unique server-wide. destination_type is
-- WEBRTC, PHONE or ROOM; destination_target the identity, phone number or room name;
-- destination_from the caller ID of a PHONE link. The validity window: start and end
-- (end exclusive), hours as minutes after midnight (both NULL when any hour will do), days as
-- comma-separated day names (empty: every day), an IANA time zone. used_at is set once, by
-- the call that used a one-time link. custom_data is a JSON object of strings. config_id NULL
-- means the account's default configuration (also after the named one is deleted).
CREATE TABLE call_links (
    id                 VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id         VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    code               VARCHAR(16)              NOT NULL,
    identity           VARCHAR(64),
    display_name       VARCHAR(200),
    show_identity      BOOLEAN                  NOT NULL,
    custom_data        VARCHAR(8000)            NOT NULL,
    config_id          VARCHAR(40)              REFERENCES call_link_configs (id),
    destination_type   VARCHAR(8)               NOT NULL,
    destination_target VARCHAR(256)             NOT NULL,
    destination_from   VARCHAR(16),
    one_time           BOOLEAN                  NOT NULL,
    start_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time           TIMESTAMP WITH TIME ZONE NOT NULL,
    hours_start        INTEGER,
    hours_end          INTEGER,
    days               VARCHAR(80)              NOT NULL,
    timezone           VARCHAR(64)              NOT NULL,
    used_at            TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX call_links_by_code ON call_links (code);
CREATE INDEX call_links_by_account ON call_links (account_id, created_at);
CREATE INDEX call_links_by_config ON call_links (config_id);
