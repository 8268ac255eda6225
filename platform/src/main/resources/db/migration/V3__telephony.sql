-- SIP trunks, phone numbers, dynamic destination resolving and its queue of status reports.
-- Portable between H2 and PostgreSQL: no vendor types, timestamps with time zone in UTC.
-- Every row carries its account; every query filters on it, except the lookup of an inbound
-- number, which is unique across the server because carriers route calls by number.

-- A SIP trunk: where an account's phone calls go out and may come in from. The password is
-- stored as given: answering a digest challenge needs it in clear (docs/decisions.md #14).
-- codecs and allowed_addresses are comma-separated lists in order (codec names; canonical
-- IPv4/IPv6 CIDR ranges); is_default is true on exactly one trunk of an account that has any.
CREATE TABLE sip_trunks (
    id                VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id        VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    name              VARCHAR(100)             NOT NULL,
    host              VARCHAR(253)             NOT NULL,
    port              INTEGER                  NOT NULL,
    transport         VARCHAR(8)               NOT NULL,
    username          VARCHAR(128),
    password          VARCHAR(256),
    codecs            VARCHAR(64)              NOT NULL,
    webrtc_audio      VARCHAR(8)               NOT NULL,
    allowed_addresses VARCHAR(4000)            NOT NULL,
    keep_alive        BOOLEAN                  NOT NULL,
    is_default        BOOLEAN                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sip_trunks_by_account ON sip_trunks (account_id, created_at);

-- A phone number (E.164) of an account. The number is the primary key: one number, one
-- account, server-wide. inbound_type is WEBRTC, ROOM, SIP, PHONE or DYNAMIC; inbound_target
-- is the identity, room, SIP URI or phone number (NULL for DYNAMIC). trunk_id, when set,
-- carries outbound calls with this caller ID; a trunk in use cannot be deleted.
CREATE TABLE phone_numbers (
    e164             VARCHAR(16)              NOT NULL PRIMARY KEY,
    account_id       VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    outbound_enabled BOOLEAN                  NOT NULL,
    trunk_id         VARCHAR(40)              REFERENCES sip_trunks (id),
    inbound_type     VARCHAR(8)               NOT NULL,
    inbound_target   VARCHAR(512),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX phone_numbers_by_account ON phone_numbers (account_id, e164);
CREATE INDEX phone_numbers_by_trunk ON phone_numbers (trunk_id);

-- Dynamic destination resolving: at most one configuration per account. auth_header is the
-- Authorization header value Parley sends to the account's URLs, stored as given (it is
-- sent, never checked).
CREATE TABLE dynamic_destinations (
    account_id   VARCHAR(40)              NOT NULL PRIMARY KEY REFERENCES accounts (id),
    callback_url VARCHAR(2048)            NOT NULL,
    auth_header  VARCHAR(1024),
    status_url   VARCHAR(2048),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Call status reports waiting to reach the account's status URL. A row is deleted once the
-- URL answers 2xx, or when its attempts or age run out. next_attempt_at also works as a
-- lease: a delivery in flight moves it past its own timeout, so another node (or this one
-- after a restart) retries only a delivery that did not finish.
CREATE TABLE ddr_status_reports (
    id              VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id      VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    call_id         VARCHAR(64)              NOT NULL,
    source          VARCHAR(256)             NOT NULL,
    destination     VARCHAR(256)             NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    duration        BIGINT                   NOT NULL,
    attempts        INTEGER                  NOT NULL,
    last_error      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ddr_status_reports_due ON ddr_status_reports (next_attempt_at);
