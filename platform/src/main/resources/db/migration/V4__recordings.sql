-- Recording: each account's setting, the recordings of calls and rooms, their participants
-- and their files. Portable between H2 and PostgreSQL: no vendor types, timestamps with time
-- zone in UTC. Every query from the API filters on account_id; the file rows are reached
-- only through their recording.

-- An account's recording setting. No row means NO_RECORDING without composition.
-- recording is NO_RECORDING, AUDIO or AUDIO_AND_VIDEO.
CREATE TABLE recording_settings (
    account_id VARCHAR(40)              NOT NULL PRIMARY KEY REFERENCES accounts (id),
    recording  VARCHAR(16)              NOT NULL,
    compose    BOOLEAN                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One recording of one call or room. call_type is WEBRTC_CALL, PHONE_CALL or ROOM_CALL;
-- recording_type AUDIO or AUDIO_AND_VIDEO; status RECORDING, PROCESSING, READY or FAILED.
-- compose is the account's setting when the recording began (a later change of the setting
-- does not change what a running call produces). interrupted is true when the server stopped
-- while it was RECORDING and the files were finalised at the next start.
CREATE TABLE recordings (
    id             VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id     VARCHAR(40)              NOT NULL REFERENCES accounts (id),
    call_id        VARCHAR(64)              NOT NULL,
    call_type      VARCHAR(16)              NOT NULL,
    recording_type VARCHAR(16)              NOT NULL,
    room_name      VARCHAR(250),
    status         VARCHAR(16)              NOT NULL,
    failure_reason VARCHAR(1000),
    interrupted    BOOLEAN                  NOT NULL,
    compose        BOOLEAN                  NOT NULL,
    start_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recordings_by_account ON recordings (account_id, start_time);
CREATE INDEX recordings_by_status ON recordings (status);

-- Who took part, for the identity and phone number filters. kind is IDENTITY, PHONE_NUMBER or
-- SIP_URI; position keeps the order they joined in.
CREATE TABLE recording_participants (
    recording_id VARCHAR(40)  NOT NULL REFERENCES recordings (id),
    position     INTEGER      NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    address      VARCHAR(512) NOT NULL,
    CONSTRAINT recording_participants_pk PRIMARY KEY (recording_id, position),
    CONSTRAINT recording_participants_unique UNIQUE (recording_id, kind, address)
);
CREATE INDEX recording_participants_by_address ON recording_participants (kind, address);

-- A file of a recording: one per participant (kind PARTICIPANT, participant set) and, when
-- the account composes, one mixed file (kind COMPOSED). end_time NULL means the recorder is
-- still writing it. name is generated (the file id and an extension), and storage_key is
-- where the RecordingStore keeps it: neither ever comes from a request.
CREATE TABLE recording_files (
    id           VARCHAR(40)              NOT NULL PRIMARY KEY,
    recording_id VARCHAR(40)              NOT NULL REFERENCES recordings (id),
    participant  VARCHAR(512),
    name         VARCHAR(64)              NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    format       VARCHAR(8)               NOT NULL,
    codecs       VARCHAR(100)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    start_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time     TIMESTAMP WITH TIME ZONE,
    duration_ms  BIGINT,
    storage_key  VARCHAR(200)             NOT NULL
);
CREATE INDEX recording_files_by_recording ON recording_files (recording_id, start_time);
