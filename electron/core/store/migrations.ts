/**
 * Numbered schema migrations. All pending migrations run in one transaction and set
 * `user_version`; a database written by a newer Quanxiang is refused, never downgraded.
 */
import type { Database } from 'better-sqlite3';

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
