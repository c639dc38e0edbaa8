/**
 * Schema migrations, applied in order; never edit one that has shipped, append a new one.
 * Ids are the 22-character short ids; `uuid` holds the canonical form that paths also accept.
 * JSON columns hold metadata and other documents as text.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created TEXT NOT NULL
  );
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT,
    last_used TEXT,
    rate_limit_per_minute INTEGER NOT NULL DEFAULT 0,
    rate_limit_per_day INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    status TEXT NOT NULL,
    capture_mode TEXT NOT NULL,
    extraction_status TEXT NOT NULL DEFAULT 'pending',
    submitted_at TEXT,
    user_agent TEXT NOT NULL,
    device_context TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
  );
  CREATE INDEX sessions_active_modified ON sessions(status, modified);
  CREATE TABLE products (
    id TEXT PRIMARY KEY,
    gtin TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    brand_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    ingredients TEXT NOT NULL DEFAULT '',
    ai_summary TEXT NOT NULL DEFAULT '',
    images TEXT NOT NULL DEFAULT '',
    pending_enrichment TEXT NOT NULL DEFAULT '[]',
    lookup_error TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL
  );
  CREATE TABLE captures (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    uuid TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    status TEXT NOT NULL,
    capture_type TEXT NOT NULL,
    raw_value TEXT NOT NULL,
    gtin TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    gs1_dl_data TEXT NOT NULL DEFAULT '{}',
    product_id TEXT REFERENCES products(id),
    processed_at TEXT,
    uploaded_image_key TEXT,
    qr_analysis TEXT,
    created TEXT NOT NULL
  );
  CREATE INDEX captures_session ON captures(session_id, seq);
  CREATE INDEX captures_unfinished ON captures(status);
  CREATE TABLE uploads (
    s3_key TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created TEXT NOT NULL
  );
  CREATE TABLE product_photos (
    id TEXT PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    photo_type TEXT NOT NULL,
    s3_key TEXT NOT NULL,
    original_filename TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    file_size INTEGER,
    capture_id TEXT REFERENCES captures(id),
    metadata TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL
  );
  CREATE INDEX photos_session ON product_photos(session_id, sort_order);
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    capture_id TEXT NOT NULL REFERENCES captures(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    field_name TEXT NOT NULL,
    current_value TEXT NOT NULL,
    proposed_value TEXT NOT NULL,
    confidence TEXT NOT NULL,
    reasoning TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'PENDING',
    metadata TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    reviewed_at TEXT,
    applied_at TEXT
  );
  CREATE INDEX proposals_capture ON proposals(capture_id);
  CREATE TABLE redirect_rules (
    short_id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES products(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    order_index INTEGER NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1,
    custom_url TEXT NOT NULL,
    created TEXT NOT NULL
  );
  CREATE TABLE idempotency_keys (
    api_key_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    response_body TEXT,
    created TEXT NOT NULL,
    PRIMARY KEY (api_key_id, idem_key)
  );
  `,
  // Idempotency keys belong to the organization, so a key rotated while the outbox drains
  // still finds its requests; a claim (routes that cannot commit in one transaction) carries
  // a lease, so one a crash abandoned is taken over instead of answering 409 for a day.
  // Records kept from before were hashed another way: an empty hash replays without comparing.
  `
  CREATE TABLE idempotency_records (
    org_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    response_body TEXT,
    created TEXT NOT NULL,
    lease_until TEXT,
    PRIMARY KEY (org_id, idem_key)
  );
  INSERT OR IGNORE INTO idempotency_records (org_id, idem_key, request_hash, status_code, response_body, created)
    SELECT k.org_id, i.idem_key, '', i.status_code, i.response_body, i.created
    FROM idempotency_keys i JOIN api_keys k ON k.id = i.api_key_id
    WHERE i.status_code IS NOT NULL;
  DROP TABLE idempotency_keys;
  CREATE INDEX idempotency_created ON idempotency_records(created);
  `,
  // Each organization's view of the catalog is its own: the seeded products are shared, and
  // what an organization applies (proposals) is kept as its override, seen by no one else.
  `
  CREATE TABLE product_overrides (
    org_id TEXT NOT NULL REFERENCES organizations(id),
    product_id TEXT NOT NULL REFERENCES products(id),
    field_name TEXT NOT NULL,
    value TEXT NOT NULL,
    modified TEXT NOT NULL,
    PRIMARY KEY (org_id, product_id, field_name)
  );
  `,
  // Part A extension: a capture removed by its device (DELETE /captures/{id}). The tombstone
  // makes a repeated DELETE answer 204 again, as an outbox that lost the first answer expects.
  `
  CREATE TABLE deleted_captures (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    deleted TEXT NOT NULL
  );
  `,
  // A session's version: any change to what its status poll answers (its captures and their
  // statuses, their proposals, the session's own status) bumps it, in the database itself, so
  // every write path is covered. The poll answers with it as an ETag, and 304 while it stands.
  `
  ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  CREATE TRIGGER captures_version_insert AFTER INSERT ON captures
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = NEW.session_id; END;
  CREATE TRIGGER captures_version_update AFTER UPDATE ON captures
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = NEW.session_id; END;
  CREATE TRIGGER captures_version_delete AFTER DELETE ON captures
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = OLD.session_id; END;
  CREATE TRIGGER proposals_version_insert AFTER INSERT ON proposals
    BEGIN UPDATE sessions SET version = version + 1
      WHERE id = (SELECT session_id FROM captures WHERE id = NEW.capture_id); END;
  CREATE TRIGGER proposals_version_delete AFTER DELETE ON proposals
    BEGIN UPDATE sessions SET version = version + 1
      WHERE id = (SELECT session_id FROM captures WHERE id = OLD.capture_id); END;
  CREATE TRIGGER sessions_version_update AFTER UPDATE OF status, extraction_status ON sessions
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = NEW.id; END;
  `,
  // Rate-limit windows in the database: used when several instances share it (PostgreSQL);
  // here for the schemas to match, so that an export moves every table.
  `
  CREATE TABLE rate_limit_windows (
    bucket TEXT PRIMARY KEY,
    start INTEGER NOT NULL,
    count INTEGER NOT NULL
  );
  `,
  // Values an instance needs to share with the others on this database (the presign secret).
  `
  CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // The pipeline's work as rows: any instance claims a job, holds it with a lease while it
  // runs, and deletes it when done; a lease left by a crashed instance runs out and the job is
  // claimed again. One job per capture or session at a time.
  `
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    owner TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    UNIQUE (kind, target)
  );
  `,
  // The version covers all of GET /sessions/{id} too, so that answer can carry it as an ETag
  // and be serialised once per version: any change to the session's own row (its metadata,
  // its activity time) and to its product photos bumps it as well.
  `
  DROP TRIGGER sessions_version_update;
  CREATE TRIGGER sessions_version_update AFTER UPDATE ON sessions
    WHEN NEW.version = OLD.version
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = NEW.id; END;
  CREATE TRIGGER photos_version_insert AFTER INSERT ON product_photos
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = NEW.session_id; END;
  CREATE TRIGGER photos_version_update AFTER UPDATE ON product_photos
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = NEW.session_id; END;
  CREATE TRIGGER photos_version_delete AFTER DELETE ON product_photos
    BEGIN UPDATE sessions SET version = version + 1 WHERE id = OLD.session_id; END;
  `,
];
