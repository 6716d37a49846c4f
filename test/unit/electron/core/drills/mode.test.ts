import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { claimMode } from '../../../../../electron/core/drills/mode';
import { migrate } from '../../../../../electron/core/store/migrations';

describe('database mode', () => {
  it('a database keeps the mode it was first opened in', () => {
    const db = new Database(':memory:');
    migrate(db);
    claimMode(db, 'x.db', true);
    claimMode(db, 'x.db', true);
    expect(() => claimMode(db, 'x.db', false)).toThrow(/drill database: a live console refuses it/);
    const live = new Database(':memory:');
    migrate(live);
    claimMode(live, 'y.db', false);
    expect(() => claimMode(live, 'y.db', true)).toThrow(/live database: a drill console refuses it/);
  });
});
