import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, LATEST_VERSION, migrate, MIGRATIONS } from '../../../../../electron/core/store/migrations';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('1: creates the event log, projections and outbox, and sets user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 1)).toEqual([1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['events', 'incidents', 'orders', 'outbox', 'units']);
    // the log is append-only
    db.prepare("INSERT INTO events (id, hlc, at, actor, console, type, payload) VALUES ('e1', 'h', 1, 'a', 'c', 't', '{}')").run();
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO events (id, hlc, at, actor, console, type, payload) VALUES ('e2', 'h', 1, 'a', 'c', 't', 'not json')").run()).toThrow();
  });

  it('2: adds the lifecycle columns and files every older event under its incident', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    const ins = db.prepare('INSERT INTO events (id, hlc, at, actor, console, type, payload) VALUES (?, ?, 1, ?, ?, ?, ?)');
    ins.run('e1', 'h1', 'a', 'c', 'incident.created', JSON.stringify({ id: 'inc-1', number: 1 }));
    ins.run('e2', 'h2', 'a', 'c', 'incident.dispatched', JSON.stringify({ incidentId: 'inc-1', orders: [{ orderId: 'o-1', unitId: 'F-1' }] }));
    ins.run('e3', 'h3', 'a', 'c', 'order.sent', JSON.stringify({ orderId: 'o-1' }));
    ins.run('e4', 'h4', 'a', 'c', 'unit.rostered', JSON.stringify({ id: 'F-1' }));
    db.prepare("INSERT INTO incidents VALUES ('inc-1', 1, 'medical', 2, 'dispatched', 31, 104, '', '', 1, 'a', 1)").run();
    db.prepare("INSERT INTO orders (id, incident_id, unit_id, kind, state, issued_at) VALUES ('o-1', 'inc-1', 'F-1', 'dispatch', 'sent', 1)").run();
    expect(migrate(db, 2)).toEqual([2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT id, incident_id FROM events ORDER BY seq').all()).toEqual([
      { id: 'e1', incident_id: 'inc-1' },
      { id: 'e2', incident_id: 'inc-1' },
      { id: 'e3', incident_id: 'inc-1' },
      { id: 'e4', incident_id: null },
    ]);
    expect(db.prepare('SELECT level, disposition FROM incidents').get()).toEqual({ level: 1, disposition: null });
    expect(db.prepare('SELECT resent, en_route_at FROM orders').get()).toEqual({ resent: 0, en_route_at: null });
    expect(tables(db)).toEqual(['events', 'incident_links', 'incidents', 'notes', 'orders', 'outbox', 'units']);
    // the log is append-only again after the one-time fill
    expect(() => db.prepare("UPDATE events SET incident_id = 'x'").run()).toThrow(/append-only/);
  });

  it('3: adds sensors, their telemetry, warnings, CAP bookkeeping and reports, keeping older data', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare("INSERT INTO events (id, hlc, at, actor, console, type, payload) VALUES ('e1', 'h1', 1, 'a', 'c', 'unit.rostered', '{}')").run();
    expect(migrate(db, 3)).toEqual([3]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(tables(db)).toEqual([
      'cap_alerts', 'cap_refs', 'events', 'incident_links', 'incidents', 'notes', 'orders', 'outbox', 'reports', 'sensor_readings', 'sensors', 'units', 'warnings',
    ]);
    expect(db.prepare('SELECT id FROM events').pluck().all()).toEqual(['e1']);
    db.prepare(`INSERT INTO warnings (id, source, source_ref, severity, title, detail, area, issued_at, effective_at, raised_at, raised_by, updated_at)
      VALUES ('w1', 'sensor', 'WL-01', 'moderate', 't', '', '{"type":"Point","coordinates":[104.4,31.1]}', 1, 1, 1, 'system', 1)`).run();
    // The open-warning index serves the sensor lookup; a warning's area must be JSON.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM warnings WHERE source = 'sensor' AND source_ref = 'WL-01' AND cleared_at IS NULL").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('warnings_open');
    expect(() => db.prepare("UPDATE warnings SET area = 'not json'").run()).toThrow();
    // Tables are STRICT: a text reading is refused rather than stored.
    expect(() => db.prepare("INSERT INTO sensor_readings VALUES ('WL-01', 'high', 1, 1)").run()).toThrow();
    expect(() => db.prepare("INSERT INTO reports (id, channel, category, text, lat, lon, address, ts, received_at, status) VALUES ('r', 'app', 'c', 't', 31, 104, '', 1, 1, 'new')").run()).not.toThrow();
  });

  it('4: adds cases, their pauses and notes, and an index of case events by case, keeping older data', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare("INSERT INTO reports (id, channel, category, text, lat, lon, address, ts, received_at, status) VALUES ('r', 'app', 'c', 't', 31, 104, '', 1, 1, 'new')").run();
    expect(migrate(db, 4)).toEqual([4]);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(tables(db)).toEqual(expect.arrayContaining(['case_notes', 'case_pauses', 'cases', 'reports']));
    expect(db.prepare('SELECT id FROM reports').pluck().all()).toEqual(['r']);
    const ins = db.prepare(`INSERT INTO cases (id, number, channel, source_ref, category, urgency, status, description, lat, lon, address, received_at, received_by, updated_at)
      VALUES (?, ?, 'app', ?, 'other', 'normal', 'received', '', 31, 104, '', 1, 'a', 1)`);
    ins.run('c1', 1, 'APP-1');
    // One case per sender report; numbers are unique.
    expect(() => ins.run('c2', 2, 'APP-1')).toThrow();
    expect(() => ins.run('c3', 1, null)).toThrow();
    db.prepare("INSERT INTO events (id, hlc, at, actor, console, type, payload) VALUES ('e1', 'h1', 1, 'a', 'c', 'case.accepted', '{\"caseId\":\"c1\"}')").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT seq FROM events WHERE json_extract(payload, '$.caseId') = 'c1' AND type LIKE 'case.%' ORDER BY seq").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('events_case');
    const kpi = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM cases WHERE received_at >= 0 AND received_at < 10').all() as { detail: string }[];
    expect(kpi.map((p) => p.detail).join(' ')).toContain('cases_received');
    expect(() => db.prepare("INSERT INTO case_notes (id, case_id, at, actor, kind, text, data) VALUES ('n', 'c1', 1, 'a', 'note', 't', 'not json')").run()).toThrow();
    expect(() => db.prepare("INSERT INTO case_pauses (case_id, from_at, reason) VALUES ('nope', 1, 'r')").run()).toThrow(/FOREIGN KEY/);
  });

  it('5: adds the panorama tables (entities, links, grid, geofences, wall, maps) and its telemetry, keeping older data', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare("INSERT INTO events (id, hlc, at, actor, console, type, payload) VALUES ('e1', 'h1', 1, 'a', 'c', 'unit.rostered', '{}')").run();
    expect(migrate(db, 5)).toEqual([5]);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const t = tables(db);
    for (const name of ['entities', 'entity_links', 'grid_assignments', 'geofences', 'wall_focus', 'maps_opened', 'grid_visits', 'geofence_inside'])
      expect(t).toContain(name);
    expect(db.prepare('SELECT id FROM events').pluck().all()).toEqual(['e1']);
    // JSON columns are checked, and there is one wall focus at most
    expect(() =>
      db.prepare("INSERT INTO entities (id, kind, name, lat, lon, address, props, created_at, updated_at, updated_by) VALUES ('x', 'hydrant', 'h', 1, 2, '', 'nope', 1, 1, 'a')").run(),
    ).toThrow();
    expect(() => db.prepare("INSERT INTO wall_focus (id, lat, lon, zoom, camera_ids, at, by) VALUES (2, 1, 2, 3, '[]', 1, 'a')").run()).toThrow();
  });

  it('is a no-op on an up-to-date database', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    expect(tables(db)).toEqual([]);
  });

  it('rolls back every step when one fails', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE units (x INTEGER)'); // makes migration 1 fail half-way
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual(['units']);
  });

  it('6: adds unit tracks (one sample per unit and time) and the database mode', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    expect(migrate(db, 6)).toEqual([6]);
    expect(tables(db)).toContain('unit_track');
    expect(tables(db)).toContain('console_meta');
    const ins = db.prepare('INSERT INTO unit_track (unit_id, ts, lat, lon, at) VALUES (?, ?, ?, ?, ?)');
    ins.run('F-1', 1000, 31.1, 104.4, 1010);
    expect(() => ins.run('F-1', 1000, 31.2, 104.4, 1020)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO console_meta VALUES ('mode', 'drill')").run();
    expect(db.prepare("SELECT value FROM console_meta WHERE key = 'mode'").pluck().get()).toBe('drill');
  });

  it('7: marks warnings that close roads, existing ones open', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    db.prepare(
      "INSERT INTO warnings (id, source, source_ref, severity, title, detail, issued_at, effective_at, raised_at, raised_by, updated_at) VALUES ('W1', 'cap', 'k', 'moderate', 't', '', 1, 1, 1, 'x', 1)",
    ).run();
    expect(migrate(db, 7)).toEqual([7]);
    expect(db.prepare("SELECT closes_roads FROM warnings WHERE id = 'W1'").pluck().get()).toBe(0);
  });
});
