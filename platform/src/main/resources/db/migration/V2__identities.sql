-- End users (identities) an account has issued a token to or seen connect. Signaling needs
-- this to tell DESTINATION_NOT_FOUND (never heard of) from DESTINATION_UNAVAILABLE (known,
-- offline). Portable between H2 and PostgreSQL.
CREATE TABLE identities (
    account_id   VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    identity     VARCHAR(64)              NOT NULL,
    display_name VARCHAR(200),
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identities_unique UNIQUE (account_id, identity)
);
