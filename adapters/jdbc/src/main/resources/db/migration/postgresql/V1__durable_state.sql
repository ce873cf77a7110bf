-- Durable state of mbms-keys (PostgreSQL). Keep in step with ../h2/V1__durable_state.sql; the differences are the
-- binary and large text types and COLLATE "C" on the paged IMPI column (PostgreSQL must order as Java Strings do).

-- One row per registered UE. "body" is the registration's canonical text (see RegistrationCodec); a
-- compare-and-set compares it in the UPDATE's WHERE clause. "btid" is the look-up by B-TID: null when another UE's
-- registration took this B-TID later (the look-up answers the latest holder, as in memory).
create table registration (
    impi varchar(1000) not null primary key,
    btid varchar(1000),
    body text not null
);
create index registration_by_btid on registration (btid);

-- The look-up by service, kept in the same transaction as its registration row.
create table registration_service (
    service_id varchar(1024) not null,
    impi varchar(1000) collate "C" not null,
    primary key (service_id, impi)
);

-- Key groups; "body" is the canonical text of the record (service type, last Key Number, current/previous MSK).
create table key_group (
    key_domain varchar(32) not null,
    key_group integer not null,
    body varchar(1000) not null,
    primary key (key_domain, key_group)
);

-- MSKs: "body" holds the non-secret fields; the key is AES-GCM-wrapped under the KEK with the MSK's identity as
-- associated data (KeyWrap), never in clear.
create table msk (
    msk_ref varchar(64) not null primary key,
    body varchar(1000) not null,
    wrapped_key bytea not null
);

-- The last MIKEY timestamp COUNTER issued per protecting key (a UE's MUK or an MSK).
create table protecting_key_counter (
    protecting_key varchar(2000) not null primary key,
    counter_value bigint not null
);

-- HTTP Digest: the highest nonce-count accepted per nonce, shared by the BM-SC nodes (replays refused on every
-- node). Times are epoch milliseconds; a row is purged once its nonce has expired (the nonce is stale anyway).
create table digest_nonce (
    nonce varchar(512) not null primary key,
    highest_nc bigint not null,
    expires_at bigint not null
);
create index digest_nonce_by_expiry on digest_nonce (expires_at);

-- One ME's whole key state (UeKeyStorage), encoded and AES-GCM-wrapped under the KEK with "ue-key-state <ue>" as
-- associated data; replaced as a unit.
create table ue_key_state (
    ue varchar(256) not null primary key,
    wrapped_state bytea not null
);
