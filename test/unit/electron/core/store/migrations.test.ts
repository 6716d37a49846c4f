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
});
