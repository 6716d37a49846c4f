/** Starting a real core (real SQLite file, real broker) for integration tests, and awaiting its pushes. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Push } from '../../shared/api';
import { startCore, type Core, type CoreConfig } from '../../electron/core/core';

export const RESOURCES = join(import.meta.dirname, '../../resources');

export function tempDir(prefix = 'qx-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestCore(patch: Partial<CoreConfig> = {}): Promise<Core> {
  const core = await startCore({
    dataDir: tempDir(),
    resourcesDir: RESOURCES,
    consoleId: 'test-console',
    mqttPort: 0,
    unitFlushMs: 10,
    ...patch,
  });
  await core.connected();
  return core;
}

/** Resolves with the first push that satisfies `match` (rejects after `timeoutMs`). */
export function nextPush<T extends Push>(core: Core, match: (p: Push) => p is T, timeoutMs?: number): Promise<T>;
export function nextPush(core: Core, match: (p: Push) => boolean, timeoutMs?: number): Promise<Push>;
export function nextPush(core: Core, match: (p: Push) => boolean, timeoutMs = 10_000): Promise<Push> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching push within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.subscribe((p) => {
      if (!match(p)) return;
      clearTimeout(timer);
      off();
      resolve(p);
    });
  });
}

/** Resolves when `check()` is true, re-checking on every push (for state that several pushes build). */
export function untilState(core: Core, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (check()) return Promise.resolve();
  return nextPush(core, () => check(), timeoutMs).then(() => undefined);
}
