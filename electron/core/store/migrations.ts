/**
 * Numbered schema migrations. All pending migrations run in one transaction and set
 * `user_version`; a database written by a newer Quanxiang is refused, never downgraded.
 */
import type { Database } from 'better-sqlite3';
import { migratePanorama } from '../panorama/schema.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log and dispatch projections',
    up: (db) => {
      db.exec(`
        CREATE TABLE events (
          seq     INTEGER PRIMARY KEY AUTOINCREMENT,
          id      TEXT NOT NULL UNIQUE,
          hlc     TEXT NOT NULL,
          at      INTEGER NOT NULL,
          actor   TEXT NOT NULL,
          console TEXT NOT NULL,
          type    TEXT NOT NULL,
          payload TEXT NOT NULL CHECK (json_valid(payload))
        ) STRICT;
        CREATE INDEX events_type ON events(type);
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
          BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
          BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

        CREATE TABLE units (
          id           TEXT PRIMARY KEY,
          name         TEXT NOT NULL,
          agency       TEXT,
          type         TEXT,
          station      TEXT,
          registered   INTEGER NOT NULL,
          status       TEXT NOT NULL,
          status_since INTEGER NOT NULL,
          incident_id  TEXT,
          lat          REAL,
          lon          REAL,
          heading      REAL,
          speed        REAL,
          position_ts  INTEGER
        ) STRICT;

        CREATE TABLE incidents (
          id         TEXT PRIMARY KEY,
          number     INTEGER NOT NULL UNIQUE,
          type       TEXT NOT NULL,
          priority   INTEGER NOT NULL,
          status     TEXT NOT NULL,
          lat        REAL NOT NULL,
          lon        REAL NOT NULL,
          address    TEXT NOT NULL,
          summary    TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE orders (
          id          TEXT PRIMARY KEY,
          incident_id TEXT NOT NULL REFERENCES incidents(id),
          unit_id     TEXT NOT NULL,
          kind        TEXT NOT NULL,
          state       TEXT NOT NULL,
          issued_at   INTEGER NOT NULL,
          sent_at     INTEGER,
          answered_at INTEGER,
          reason      TEXT
        ) STRICT;
        CREATE INDEX orders_incident ON orders(incident_id);
        CREATE INDEX orders_open ON orders(state) WHERE state IN ('queued', 'sent');

        -- Orders waiting for the broker's PUBACK; written in the dispatch transaction.
        CREATE TABLE outbox (
          order_id   TEXT PRIMARY KEY,
          topic      TEXT NOT NULL,
          payload    TEXT NOT NULL,
          created_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'incident lifecycle, alarm levels, order progress, events by incident',
    up: (db) => {
      db.exec(`
        ALTER TABLE incidents ADD COLUMN level INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE incidents ADD COLUMN disposition TEXT;
        ALTER TABLE incidents ADD COLUMN under_control_at INTEGER;
        ALTER TABLE incidents ADD COLUMN closed_at INTEGER;
        ALTER TABLE orders ADD COLUMN en_route_at INTEGER;
        ALTER TABLE orders ADD COLUMN on_scene_at INTEGER;
        ALTER TABLE orders ADD COLUMN cleared_at INTEGER;
        ALTER TABLE orders ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE orders ADD COLUMN cancel_reason TEXT;
        -- Outbox rows are dispatch orders (keyed by order id) or cancellations (keyed 'cancel:<order id>').
        ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'dispatch';
        CREATE TABLE notes (
          event_id    TEXT PRIMARY KEY,
          incident_id TEXT NOT NULL REFERENCES incidents(id),
          at          INTEGER NOT NULL,
          actor       TEXT NOT NULL,
          text        TEXT NOT NULL
        ) STRICT;
        CREATE INDEX notes_incident ON notes(incident_id, at);
        CREATE TABLE incident_links (
          incident_id TEXT NOT NULL REFERENCES incidents(id),
          other_id    TEXT NOT NULL REFERENCES incidents(id),
          relation    TEXT NOT NULL,
          PRIMARY KEY (incident_id, other_id)
        ) STRICT;

        -- Which incident an event concerns, for the incident's timeline. Older events are filled
        -- in once: the append-only triggers are lifted for this migration only.
        ALTER TABLE events ADD COLUMN incident_id TEXT;
        DROP TRIGGER events_no_update;
        UPDATE events SET incident_id = COALESCE(
          json_extract(payload, '$.incidentId'),
          CASE WHEN type = 'incident.created' THEN json_extract(payload, '$.id') END,
          (SELECT o.incident_id FROM orders o WHERE o.id = json_extract(events.payload, '$.orderId')));
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
          BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE INDEX events_incident ON events(incident_id, seq) WHERE incident_id IS NOT NULL;
      `);
    },
  },
  {
    version: 3,
    name: 'sensors, risk warnings, CAP alerts, citizen reports',
    up: (db) => {
      db.exec(`
        CREATE TABLE sensors (
          id            TEXT PRIMARY KEY,
          name          TEXT NOT NULL,
          kind          TEXT NOT NULL,
          lat           REAL NOT NULL,
          lon           REAL NOT NULL,
          unit          TEXT NOT NULL,
          warning       REAL NOT NULL,
          alarm         REAL NOT NULL,
          band          REAL,
          registered_at INTEGER NOT NULL,
          updated_at    INTEGER NOT NULL
        ) STRICT;

        -- Telemetry, not a projection: the last reading per sensor, written without an event (only
        -- threshold transitions are events). No foreign key: a rebuild empties sensors, not this.
        CREATE TABLE sensor_readings (
          sensor_id   TEXT PRIMARY KEY,
          value       REAL NOT NULL,
          ts          INTEGER NOT NULL,
          received_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE warnings (
          id              TEXT PRIMARY KEY,
          source          TEXT NOT NULL,
          source_ref      TEXT NOT NULL,
          severity        TEXT NOT NULL,
          title           TEXT NOT NULL,
          detail          TEXT NOT NULL,
          area            TEXT CHECK (area IS NULL OR json_valid(area)),
          issued_at       INTEGER NOT NULL,
          effective_at    INTEGER NOT NULL,
          expires_at      INTEGER,
          raised_at       INTEGER NOT NULL,
          raised_by       TEXT NOT NULL,
          updated_at      INTEGER NOT NULL,
          cleared_at      INTEGER,
          clear_reason    TEXT,
          acknowledged_by TEXT,
          acknowledged_at INTEGER
        ) STRICT;
        CREATE INDEX warnings_open ON warnings(source, source_ref) WHERE cleared_at IS NULL;
        CREATE INDEX warnings_expiry ON warnings(expires_at) WHERE cleared_at IS NULL AND expires_at IS NOT NULL;

        -- CAP messages acted on, by capKey(sender, identifier), and what each references.
        CREATE TABLE cap_alerts (
          key         TEXT PRIMARY KEY,
          identifier  TEXT NOT NULL,
          sender      TEXT NOT NULL,
          sent        INTEGER NOT NULL,
          msg_type    TEXT NOT NULL,
          warning_id  TEXT,
          received_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE cap_refs (
          key     TEXT NOT NULL,
          ref_key TEXT NOT NULL,
          PRIMARY KEY (key, ref_key)
        ) STRICT;
        CREATE INDEX cap_refs_ref ON cap_refs(ref_key);

        CREATE TABLE reports (
          id          TEXT PRIMARY KEY,
          channel     TEXT NOT NULL,
          category    TEXT NOT NULL,
          text        TEXT NOT NULL,
          lat         REAL NOT NULL,
          lon         REAL NOT NULL,
          address     TEXT NOT NULL,
          contact     TEXT,
          ts          INTEGER NOT NULL,
          received_at INTEGER NOT NULL,
          status      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX reports_status ON reports(status, received_at);
      `);
    },
  },
  {
    version: 4,
    name: 'case desk: cases, pauses, notes, events by case',
    up: (db) => {
      db.exec(`
        CREATE TABLE cases (
          id                TEXT PRIMARY KEY,
          number            INTEGER NOT NULL UNIQUE,
          channel           TEXT NOT NULL,
          source_ref        TEXT,
          category          TEXT NOT NULL,
          urgency           TEXT NOT NULL,
          status            TEXT NOT NULL,
          description       TEXT NOT NULL,
          lat               REAL NOT NULL,
          lon               REAL NOT NULL,
          address           TEXT NOT NULL,
          district          TEXT,
          community         TEXT,
          reporter_name     TEXT,
          phone             TEXT,
          body_id           TEXT,
          proposed_body_id  TEXT,
          received_at       INTEGER NOT NULL,
          received_by       TEXT NOT NULL,
          assigned_at       INTEGER,
          accepted_at       INTEGER,
          first_accepted_at INTEGER,
          started_at        INTEGER,
          completed_at      INTEGER,
          closed_at         INTEGER,
          ended_at          INTEGER,
          outcome           TEXT,
          summary           TEXT,
          feedback          TEXT,
          feedback_comment  TEXT,
          merged_into       TEXT,
          incident_id       TEXT,
          paused_since      INTEGER,
          pause_reason      TEXT,
          warned            INTEGER NOT NULL DEFAULT 0,
          accept_breached   INTEGER NOT NULL DEFAULT 0,
          complete_breached INTEGER NOT NULL DEFAULT 0,
          escalations       INTEGER NOT NULL DEFAULT 0,
          escalated_to      TEXT,
          updated_at        INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX cases_received ON cases(received_at);
        CREATE INDEX cases_status ON cases(status, received_at);
        CREATE INDEX cases_body ON cases(body_id, received_at);
        CREATE INDEX cases_district ON cases(district, received_at);
        CREATE INDEX cases_phone ON cases(phone) WHERE phone IS NOT NULL;
        CREATE UNIQUE INDEX cases_source ON cases(channel, source_ref) WHERE source_ref IS NOT NULL;
        CREATE INDEX cases_incident ON cases(incident_id) WHERE incident_id IS NOT NULL;

        CREATE TABLE case_pauses (
          case_id TEXT NOT NULL REFERENCES cases(id),
          from_at INTEGER NOT NULL,
          to_at   INTEGER,
          reason  TEXT NOT NULL,
          PRIMARY KEY (case_id, from_at)
        ) STRICT;

        CREATE TABLE case_notes (
          id      TEXT PRIMARY KEY,
          case_id TEXT NOT NULL REFERENCES cases(id),
          at      INTEGER NOT NULL,
          actor   TEXT NOT NULL,
          kind    TEXT NOT NULL,
          text    TEXT NOT NULL,
          data    TEXT CHECK (data IS NULL OR json_valid(data))
        ) STRICT;
        CREATE INDEX case_notes_case ON case_notes(case_id, at);

        -- A case's history: every case event names its case as $.caseId.
        CREATE INDEX events_case ON events(json_extract(payload, '$.caseId'), seq) WHERE type LIKE 'case.%';
      `);
    },
  },
  { version: 5, name: 'panorama: entities and links, grid, geofences, wall, maps', up: migratePanorama },
  {
    version: 6,
    name: 'unit tracks (position telemetry for replay) and the database mode (live or drill)',
    up: (db) => {
      db.exec(`
        CREATE TABLE unit_track (
          unit_id TEXT NOT NULL,
          ts      INTEGER NOT NULL,
          lat     REAL NOT NULL,
          lon     REAL NOT NULL,
          speed   REAL,
          heading REAL,
          at      INTEGER NOT NULL,
          PRIMARY KEY (unit_id, ts)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX unit_track_ts ON unit_track(ts);
        CREATE INDEX unit_track_at ON unit_track(at);
        CREATE TABLE console_meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 7,
    name: 'warnings that close roads (CAP Transport / Avoid): routed ETAs drive around their areas',
    up: (db) => {
      db.exec('ALTER TABLE warnings ADD COLUMN closes_roads INTEGER NOT NULL DEFAULT 0');
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export class DatabaseTooNewError extends Error {
  constructor(found: number) {
    super(`this database has schema version ${found}, newer than this Quanxiang understands (${LATEST_VERSION}); refusing to open it`);
    this.name = 'DatabaseTooNewError';
  }
}

/** Brings `db` to `target` (default: latest). Returns the versions applied. */
export function migrate(db: Database, target: number = LATEST_VERSION): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${pending[pending.length - 1].version}`);
  })();
  return pending.map((m) => m.version);
}
