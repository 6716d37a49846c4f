/**
 * WAL checkpoints in a worker thread, on real SQLite files: the core's own connection never runs
 * one (no commit stalls behind a copy to the database file), yet the WAL stays bounded; a worker
 * that cannot run hands checkpoints back to SQLite, with the reason.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../electron/core/store/checkpointer';
import { Store } from '../../electron/core/store/store';
import { tempDir } from '../helpers/core';

const who = { actor: 'system', consoleId: 'c1' };
const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

/** Rosters `n` units in one transaction: about 1 KB of WAL each (event row, projection, indexes). */
function roster(store: Store, from: number, n: number): void {
  store.tx(() => {
    for (let i = from; i < from + n; i++) store.append('unit.rostered', { id: `U-${i}`, name: `单位 ${i}`, agency: 'fire', type: 'engine', station: 'S', lat: 31.1, lon: 104.4 }, who);
  });
}

describe('background WAL checkpoints', () => {
  it('checkpoints in the worker, not in commits, and keeps the WAL bounded', async () => {
    const file = join(tempDir('qx-ckpt-'), 'quanxiang.db');
    const store = new Store({ file, consoleId: 'c1' });
    open.push(store);
    const ckpt = store.checkpointing;
    if (!ckpt) throw new Error('a file store has a checkpointer');
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const wal = (): number => statSync(`${file}-wal`).size;
    roster(store, 0, 2_000);
    const oneRound = wal();
    expect(oneRound).toBeGreaterThan(1_000_000);
    let last = await ckpt.next();
    for (let round = 1; round <= 8; round++) {
      roster(store, round * 2_000, 2_000);
      last = await ckpt.next();
    }
    // Nine rounds written; with no checkpoint at all the WAL would hold all of them.
    expect(ckpt.view().mode).toBe('worker');
    expect(last.checkpoints).toBeGreaterThanOrEqual(9);
    expect(wal()).toBeLessThan(3 * oneRound);
    expect(store.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 18_000 });
    // Another connection reads everything from the file.
    const reader = new Database(file, { readonly: true });
    open.push(reader);
    expect(reader.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 18_000 });
  });

  it('hands checkpoints back to SQLite when the worker cannot open the file, and says why', async () => {
    const db = new Database(join(tempDir('qx-ckpt-'), 'main.db'));
    open.push(db);
    db.pragma('journal_mode = WAL');
    const ckpt = new Checkpointer(db, join(tempDir('qx-ckpt-'), 'missing', 'other.db'));
    open.push({ close: () => ckpt.stop() });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const view = await ckpt.next();
    expect(view.mode).toBe('automatic');
    expect(view.error).toMatch(/unable to open|does not exist|directory/i);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('an in-memory store has none (no WAL)', () => {
    const store = new Store({ file: ':memory:', consoleId: 'c1' });
    open.push(store);
    expect(store.checkpointing).toBeNull();
  });
});
