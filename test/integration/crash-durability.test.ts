/**
 * Committed actions survive a kill -9: a console process is killed right after a dispatch and
 * restarted on the same data folder; the incident and its orders are all there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../shared/api';
import type { OrderView } from '../../shared/model';
import { tempDir } from '../helpers/core';

const ROOT = join(import.meta.dirname, '../..');
const TOKEN = 'durability-token';
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const p of running) p.kill('SIGKILL');
  running.clear();
});

/** Starts `npm run web`'s entry point as its own process; resolves with its URL once it listens. */
function startConsole(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/node/web.ts', '--port', '0', '--mqtt-port', '0', '--data', dataDir, '--token', TOKEN, '--console-id', 'crash-test'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Open: +(http:\/\/[^/]+)\//.exec(out);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => reject(new Error(`console exited (${code ?? 'signal'}) before listening:\n${out}`)));
  });
}

const api = async <T>(url: string, method: string, path: string, body?: unknown): Promise<T> => {
  const r = await fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
};

describe('crash durability', () => {
  it('keeps the incident and its orders after SIGKILL right after the dispatch', async () => {
    const data = tempDir('qx-crash-');
    const first = await startConsole(data);
    const { incident } = await api<{ incident: { id: string; number: number } }>(first.url, 'POST', '/api/incidents', {
      type: 'structure_fire',
      lat: 31.13,
      lon: 104.4,
      address: '建设大道 17 号',
    });
    const { orders } = await api<{ orders: OrderView[] }>(first.url, 'POST', `/api/incidents/${incident.id}/dispatch`);
    expect(orders).toHaveLength(5);
    const exited = new Promise((resolve) => first.proc.once('exit', resolve));
    first.proc.kill('SIGKILL');
    await exited;

    const second = await startConsole(data);
    const d = await api<IncidentDetail>(second.url, 'GET', `/api/incidents/${incident.id}`);
    expect(d.incident).toMatchObject({ id: incident.id, number: incident.number, status: 'dispatched', address: '建设大道 17 号' });
    expect(d.orders.map((o) => o.id).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(d.orders.every((o) => ['queued', 'sent'].includes(o.state))).toBe(true);
    // The units stay committed to the incident: not offered to the next one.
    const next = await api<{ recommendation: { slots: { picks: { unitId: string }[] }[] } }>(second.url, 'POST', '/api/incidents', {
      type: 'structure_fire',
      lat: 31.13,
      lon: 104.4,
    });
    const again = next.recommendation.slots.flatMap((s) => s.picks.map((p) => p.unitId));
    expect(again.filter((id) => orders.some((o) => o.unitId === id))).toEqual([]);
  });
});
