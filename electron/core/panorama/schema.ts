/** Migration 4's tables: the panorama's projections and its telemetry (see ./projections.ts). */
import type { Database } from 'better-sqlite3';

export function migratePanorama(db: Database): void {
  db.exec(`
    CREATE TABLE entities (
      id         TEXT PRIMARY KEY,
      kind       TEXT NOT NULL,
      name       TEXT NOT NULL,
      lat        REAL NOT NULL,
      lon        REAL NOT NULL,
      area       TEXT CHECK (area IS NULL OR json_valid(area)),
      address    TEXT NOT NULL,
      props      TEXT NOT NULL CHECK (json_valid(props)),
      personal   TEXT CHECK (personal IS NULL OR json_valid(personal)),
      camera     TEXT CHECK (camera IS NULL OR json_valid(camera)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX entities_kind ON entities(kind);

    CREATE TABLE entity_links (
      from_id  TEXT NOT NULL,
      to_id    TEXT NOT NULL,
      relation TEXT NOT NULL,
      at       INTEGER NOT NULL,
      PRIMARY KEY (from_id, to_id, relation)
    ) STRICT;
    CREATE INDEX entity_links_to ON entity_links(to_id);

    CREATE TABLE grid_assignments (
      cell_id    TEXT PRIMARY KEY,
      worker_ids TEXT NOT NULL CHECK (json_valid(worker_ids)),
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE geofences (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      area       TEXT NOT NULL CHECK (json_valid(area)),
      trigger    TEXT NOT NULL,
      severity   TEXT NOT NULL,
      agencies   TEXT NOT NULL CHECK (json_valid(agencies)),
      unit_ids   TEXT NOT NULL CHECK (json_valid(unit_ids)),
      active     INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- The one current wall focus.
    CREATE TABLE wall_focus (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      incident_id TEXT,
      lat         REAL NOT NULL,
      lon         REAL NOT NULL,
      zoom        REAL NOT NULL,
      camera_ids  TEXT NOT NULL CHECK (json_valid(camera_ids)),
      at          INTEGER NOT NULL,
      by          TEXT NOT NULL
    ) STRICT;

    -- Maps opened from the UI (reopened at start).
    CREATE TABLE maps_opened (
      id        TEXT PRIMARY KEY,
      path      TEXT NOT NULL,
      opened_at INTEGER NOT NULL,
      opened_by TEXT NOT NULL
    ) STRICT;

    -- Telemetry, not projections: grid workers' presence per cell and day (patrol coverage), and
    -- which units are inside which geofence now (so that only an entry raises a warning).
    CREATE TABLE grid_visits (
      day      TEXT NOT NULL,
      cell_id  TEXT NOT NULL,
      unit_id  TEXT NOT NULL,
      reports  INTEGER NOT NULL,
      first_at INTEGER NOT NULL,
      last_at  INTEGER NOT NULL,
      PRIMARY KEY (day, cell_id, unit_id)
    ) STRICT;
    CREATE TABLE geofence_inside (
      fence_id TEXT NOT NULL,
      unit_id  TEXT NOT NULL,
      since    INTEGER NOT NULL,
      PRIMARY KEY (fence_id, unit_id)
    ) STRICT;
  `);
}
