/**
 * Reads a scenario file (YAML or JSON; JSON is YAML too), validates it with the scenario schema and
 * against the city (roster units, registered sensors, map blocks, incident types), and reports
 * every problem as `file:line:column: path: reason`, the position found from the YAML document's
 * nodes through a LineCounter.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Place, type Scenario } from '../../../shared/drills/scenario.js';
import { readTextFile } from '../resources.js';

export interface ScenarioIssue {
  readonly line: number;
  readonly column: number;
  /** Dotted path inside the scenario, e.g. timeline.3.call.place. */
  readonly path: string;
  readonly message: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(issues.map((i) => `${file}:${i.line}:${i.column}: ${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** What a scenario may name: checked after the schema. */
export interface CityRefs {
  readonly units: ReadonlySet<string>;
  readonly sensors: ReadonlySet<string>;
  readonly blocks: ReadonlySet<string>;
  readonly incidentTypes: ReadonlySet<string>;
}

type Path = readonly PropertyKey[];

/** The node at `path`, or the deepest one that exists (so a missing key points at its parent). */
function nodeAt(doc: Document, path: Path): Node | null {
  let node: unknown = doc.contents;
  for (const key of path) {
    let next: unknown = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      next = pair ? (pair.value ?? pair.key) : null;
      if (pair && next === null) next = pair.key;
    } else if (isSeq(node) && typeof key === 'number') next = node.items[key] ?? null;
    if (next === null) break;
    node = next;
  }
  return (node as Node | null) ?? null;
}

function position(doc: Document, counter: LineCounter, path: Path): { line: number; column: number } {
  const range = nodeAt(doc, path)?.range;
  if (!range) return { line: 1, column: 1 };
  const p = counter.linePos(range[0]);
  return { line: p.line, column: p.col };
}

const MAX_ISSUES = 20;

/** Parses and validates scenario text; throws ScenarioError with every issue located. */
export function parseScenario(text: string, file: string, refs?: CityRefs): Scenario {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.slice(0, MAX_ISSUES).map((e) => {
        const p = counter.linePos(e.pos[0]);
        return { line: p.line, column: p.col, path: '', message: e.message.split('\n')[0] };
      }),
    );
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 50 });
  const parsed = scenarioSchema.safeParse(raw);
  const located = (issues: readonly { path: Path; message: string }[]): ScenarioIssue[] =>
    issues.slice(0, MAX_ISSUES).map((i) => ({ ...position(doc, counter, i.path), path: i.path.map(String).join('.'), message: i.message }));
  if (!parsed.success) throw new ScenarioError(file, located(zodIssues(parsed.error)));
  if (refs) {
    const problems = checkRefs(parsed.data, refs);
    if (problems.length) throw new ScenarioError(file, located(problems));
  }
  return parsed.data;
}

function zodIssues(e: z.ZodError): { path: Path; message: string }[] {
  return e.issues.map((i) => ({ path: i.path, message: i.message }));
}

/** Names the scenario uses that the city does not have. */
export function checkRefs(s: Scenario, refs: CityRefs): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  const place = (p: Place, path: Path): void => {
    if ('block' in p && !refs.blocks.has(p.block)) out.push({ path: [...path, 'block'], message: `no block "${p.block}" on the map` });
  };
  const unit = (id: string, path: Path): void => {
    if (!refs.units.has(id)) out.push({ path, message: `no unit "${id}" on the roster` });
  };
  place(s.area.center, ['area', 'center']);
  s.units.ids.forEach((id, i) => unit(id, ['units', 'ids', i]));
  s.timeline.forEach((inj, i) => {
    const at = ['timeline', i];
    if (inj.call) {
      place(inj.call.place, [...at, 'call', 'place']);
      if (!refs.incidentTypes.has(inj.call.incidentType)) out.push({ path: [...at, 'call', 'incidentType'], message: `no incident type "${inj.call.incidentType}" in the catalog` });
    }
    if (inj.sensor && !refs.sensors.has(inj.sensor.id)) out.push({ path: [...at, 'sensor', 'id'], message: `no sensor "${inj.sensor.id}" in the registry` });
    if (inj.cap) place(inj.cap.area.place, [...at, 'cap', 'area', 'place']);
    if (inj.roadClosure) place(inj.roadClosure.place, [...at, 'roadClosure', 'place']);
    for (const k of ['breakdown', 'refuse', 'signalLoss'] as const) {
      const u = inj[k];
      if (u) unit(u.unit, [...at, k, 'unit']);
    }
  });
  s.expectations.forEach((x, i) => {
    if (x.incidentType && !refs.incidentTypes.has(x.incidentType)) out.push({ path: ['expectations', i, 'incidentType'], message: `no incident type "${x.incidentType}" in the catalog` });
  });
  return out;
}

export function loadScenario(file: string, refs?: CityRefs): Scenario {
  return parseScenario(readTextFile(file), file, refs);
}
