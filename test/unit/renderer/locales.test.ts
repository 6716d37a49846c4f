/**
 * Both languages are complete: the same keys, no empty text, the same {{placeholders}}, every
 * literal key the renderer uses exists, and every status the core can send has a label.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, ORDER_STATES, UNIT_STATUSES } from '../../../shared/model';
import { RESOURCES } from '../../../renderer/src/i18n/resources';

const en = RESOURCES.en;
const zh = RESOURCES['zh-CN'];

type Tree = { readonly [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const ZH = flatten(zh);
const EN = flatten(en);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('locales', () => {
  it('have exactly the same keys', () => {
    expect([...EN.keys()].sort()).toEqual([...ZH.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [lang, map] of [['zh-CN', ZH], ['en', EN]] as const) {
      const empty = [...map].filter(([, v]) => v.trim() === '').map(([k]) => `${lang}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of ZH) expect(placeholders(EN.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('label every unit status, order state and incident status', () => {
    for (const s of UNIT_STATUSES) expect(ZH.has(`unitStatus.${s}`), s).toBe(true);
    for (const s of ORDER_STATES) expect(ZH.has(`orderState.${s}`), s).toBe(true);
    for (const s of INCIDENT_STATUSES) expect(ZH.has(`incidentStatus.${s}`), s).toBe(true);
  });

  it('contain every literal key the renderer asks for', () => {
    const root = join(import.meta.dirname, '../../../renderer/src');
    const missing: string[] = [];
    let used = 0;
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        used += 1;
        if (!ZH.has(m[1])) missing.push(`${m[1]} (${file.slice(root.length + 1)})`);
      }
    }
    expect(missing).toEqual([]);
    // The scan itself works: the renderer has many literal keys.
    expect(used).toBeGreaterThan(50);
  });
});
