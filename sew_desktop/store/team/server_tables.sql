-- The team server's tables (schema version 1), created once by `server init` in an empty database.
-- Data tables hold the laptops' portable rows (store.merge_rows.COLUMNS: foreign keys as the referenced row's
-- identity), keyed by identity; `identity` (generated) and `province` (set by a trigger, used by row-level
-- security) are bookkeeping columns that never travel.
CREATE SCHEMA sew;

CREATE TABLE sew.schema_version (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    version integer NOT NULL,
    serialise_pushes boolean NOT NULL DEFAULT true  -- off only in the negative-control test
);
CREATE TABLE sew.member (
    login text PRIMARY KEY,
    provinces text[] NOT NULL DEFAULT '{}',
    coordinator boolean NOT NULL DEFAULT false
);
CREATE TABLE sew.laptop (
    id uuid PRIMARY KEY,
    login text NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sew.municipality (
    nis_code text PRIMARY KEY CHECK (nis_code ~ '^[0-9]{5}$'),
    name_nl text NOT NULL,
    name_fr text NOT NULL DEFAULT '',
    province_nis text NOT NULL,
    arrondissement_nis text NOT NULL,
    valid_from text,
    valid_to text,
    successor_nis text,
    vdab_contact text NOT NULL DEFAULT '',
    contacts text NOT NULL DEFAULT '',
    notes text NOT NULL DEFAULT '',
    identity text GENERATED ALWAYS AS (nis_code) STORED UNIQUE,
    province text
);
CREATE TABLE sew.open_call (
    uuid text PRIMARY KEY,
    name text NOT NULL,
    period_start text NOT NULL,
    period_end text NOT NULL,
    deadline text,
    identity text GENERATED ALWAYS AS (uuid) STORED UNIQUE,
    province text
);
CREATE TABLE sew.region (
    uuid text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('samenwerkingsverband', 'centrumstad')),
    province_nis text NOT NULL,
    valid_from text,
    valid_to text,
    notes text NOT NULL DEFAULT '',
    identity text GENERATED ALWAYS AS (uuid) STORED UNIQUE,
    province text
);
CREATE TABLE sew.subsidy_decision (
    uuid text PRIMARY KEY,
    call_id text NOT NULL,
    collaboration text NOT NULL,
    collaboration_key text NOT NULL,
    region_id text,
    lead_municipality_nis text,
    outcome text NOT NULL CHECK (outcome IN ('approved', 'rejected', 'pending')),
    amount_cents bigint,
    amount_is_annual bigint NOT NULL DEFAULT 0,
    decision_date text,
    identity text GENERATED ALWAYS AS (uuid) STORED UNIQUE,
    province text
);
CREATE TABLE sew.membership (
    uuid text PRIMARY KEY,
    region_id text NOT NULL,
    municipality_nis text NOT NULL,
    valid_from text,
    valid_to text,
    identity text GENERATED ALWAYS AS (uuid) STORED UNIQUE,
    province text
);
CREATE TABLE sew.agreement (
    uuid text PRIMARY KEY,
    municipality_nis text,
    region_id text,
    negotiation_started text,
    expected_signing text,
    signed text,
    ended text,
    vdab_contact text NOT NULL DEFAULT '',
    notes text NOT NULL DEFAULT '',
    identity text GENERATED ALWAYS AS (uuid) STORED UNIQUE,
    province text,
    CHECK ((municipality_nis IS NULL) <> (region_id IS NULL))
);
CREATE TABLE sew.decision_member (
    decision_id text NOT NULL,
    municipality_nis text NOT NULL,
    identity text GENERATED ALWAYS AS (decision_id || '/' || municipality_nis) STORED UNIQUE,
    province text,
    PRIMARY KEY (decision_id, municipality_nis)
);

-- One line per row ever seen: its province (row-level security), whether it is deleted (a tombstone), and its
-- last change.
CREATE TABLE sew.row_state (
    tbl text NOT NULL,
    identity text NOT NULL,
    province text,
    deleted boolean NOT NULL DEFAULT false,
    seq bigint NOT NULL,
    who text NOT NULL,
    at timestamptz NOT NULL,
    laptop uuid,
    PRIMARY KEY (tbl, identity)
);
-- Every change, field by field, in sequence order: what a pull reads, and the per-field sequence bookkeeping
-- (the last change of a field is the newest entry for its row with that field, or the row's insert).
CREATE TABLE sew.change_log (
    seq bigserial PRIMARY KEY,
    tbl text NOT NULL,
    identity text NOT NULL,
    action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    field text,
    value jsonb,
    who text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    laptop uuid,
    op_no bigint
);
CREATE INDEX change_log_row ON sew.change_log (tbl, identity, seq);
CREATE INDEX change_log_op ON sew.change_log (laptop, op_no);
CREATE TABLE sew.conflict_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    who text NOT NULL,
    laptop uuid NOT NULL,
    op_no bigint NOT NULL,
    tbl text NOT NULL,
    identity text NOT NULL,
    action text NOT NULL,
    field text,
    value jsonb,
    server_value jsonb,
    server_who text,
    server_at timestamptz,
    server_seq bigint
);
CREATE TABLE sew.op_log (
    laptop uuid NOT NULL,
    op_no bigint NOT NULL,
    outcome jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (laptop, op_no)
);
