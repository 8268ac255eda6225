-- Accounts (tenants), their API keys, the keys that sign tokens, and OAuth client credentials.
-- Portable between H2 and PostgreSQL: no vendor types, timestamps with time zone in UTC.

CREATE TABLE accounts (
    id         VARCHAR(40)              NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An API key is "<id>.<secret>"; only SHA-256(secret) is kept (see docs/decisions.md).
CREATE TABLE api_keys (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id  VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    name        VARCHAR(100)             NOT NULL,
    secret_hash VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_keys_by_account ON api_keys (account_id);

-- ES256 keys that sign identity and access tokens. The newest unretired key signs; a retired
-- key stays published in the JWKS until every token it signed has expired.
CREATE TABLE signing_keys (
    kid         VARCHAR(64)              NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(16)              NOT NULL,
    private_key VARCHAR(2000)            NOT NULL,
    public_key  VARCHAR(2000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE
);

-- OAuth 2.0 client credentials ("WebRTC credentials"); only SHA-256(secret) is kept.
CREATE TABLE webrtc_credentials (
    client_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    account_id  VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    name        VARCHAR(100)             NOT NULL,
    secret_hash VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webrtc_credentials_by_account ON webrtc_credentials (account_id);
