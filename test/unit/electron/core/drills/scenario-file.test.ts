import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError, type CityRefs } from '../../../../../electron/core/drills/scenario-file';
import { parseDuration } from '../../../../../shared/drills/scenario';

const refs: CityRefs = {
  units: new Set(['F-101', 'E-201']),
  sensors: new Set(['WL-03']),
  blocks: new Set(['B-155']),
  incidentTypes: new Set(['flood', 'medical']),
};

const GOOD = `id: t1
title: { zh: 测试, en: Test }
start: "2026-07-15T02:30:00+08:00"
area: { center: { block: B-155 } }
units: { agencies: [fire] }
duration: 10m
timeline:
  - at: 1m
    call:
      category: flood
      incidentType: flood
      place: { block: B-155 }
      text: 进水了
expectations:
  - metric: call_to_dispatch
    max: 2m
`;

function issues(text: string): ScenarioError {
  try {
    parseScenario(text, 'x.yaml', refs);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('scenario files', () => {
  it('reads a valid scenario with defaults filled in', () => {
    const s = parseScenario(GOOD, 'x.yaml', refs);
    expect(s.duration).toBe(600);
    expect(s.timeline[0]).toMatchObject({ at: 60, call: { channel: 'hotline', text: { zh: '进水了', en: '进水了' } } });
    expect(s.expectations[0].max).toBe(120);
    expect(s.crews.ackAfter).toBe(15);
  });

  it('reports a wrong field with its line, column and path', () => {
    const e = issues(GOOD.replace('    max: 2m', '    max: soon'));
    expect(e.issues.map(({ line, column, path }) => ({ line, column, path }))).toEqual([{ line: 16, column: 10, path: 'expectations.0.max' }]);
    expect(e.issues[0].message).toMatch(/duration/);
    expect(e.message).toBe(`x.yaml:16:10: expectations.0.max: ${e.issues[0].message}`);
  });

  it('points a missing field at its parent and an unknown key at the object', () => {
    const e = issues(GOOD.replace('      incidentType: flood\n', '').replace('units: { agencies: [fire] }', 'units: { agencies: [fire], colour: red }'));
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i]));
    // The call's block (its first line, 10) is where the key is missing.
    expect(byPath['timeline.0.call.incidentType'].line).toBe(10);
    expect(byPath['timeline.0.call.incidentType'].message).toMatch(/expected string/i);
    expect(byPath.units.line).toBe(5);
    expect(byPath.units.message).toMatch(/colour/);
  });

  it('refuses names the city does not have, located', () => {
    const e = issues(GOOD.replace('place: { block: B-155 }', 'place: { block: B-999 }').replace('incidentType: flood', 'incidentType: tsunami'));
    expect(e.issues.map((i) => `${i.line}:${i.path}`)).toEqual(['12:timeline.0.call.place.block', '11:timeline.0.call.incidentType']);
  });

  it('reports YAML syntax errors with their position', () => {
    const e = issues('id: t1\ntitle: [unclosed\n');
    expect(e.issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it('parses durations', () => {
    expect([parseDuration('90s'), parseDuration('2m'), parseDuration('1m30s'), parseDuration('1h'), parseDuration(45), parseDuration('soon')]).toEqual([90, 120, 90, 3600, 45, null]);
  });

  it('every built-in scenario is valid against the training city', () => {
    const dir = join(import.meta.dirname, '../../../../../resources/drills');
    const files = readdirSync(dir);
    expect(files.length).toBe(6);
    const city: CityRefs = { units: { has: () => true } as unknown as Set<string>, sensors: { has: () => true } as unknown as Set<string>, blocks: { has: () => true } as unknown as Set<string>, incidentTypes: { has: () => true } as unknown as Set<string> };
    for (const f of files) expect(loadScenario(join(dir, f), city).title.en.length).toBeGreaterThan(5);
  });
});
