/** Keys the case desk builds at run time (statuses, channels, events…) exist in both languages. */
import { describe, expect, it } from 'vitest';
import { CASE_CHANNELS, CASE_FEEDBACK, CASE_OUTCOMES, CASE_STATUSES, CASE_URGENCIES, type DuplicateReason } from '../../../shared/cases/model';
import { RESOURCES } from '../../../renderer/src/i18n/resources';
import type { CaseStage } from '../../../renderer/src/lib/cases';
import { PERIODS } from '../../../renderer/src/store/kpi-store';

type Tree = { readonly [k: string]: string | Tree };
const has = (tree: Tree, key: string): boolean => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.trim() !== '';
};

/** Every event type of electron/core/cases/events.ts. */
const EVENTS = ['received', 'triaged', 'assigned', 'returned', 'accepted', 'started', 'noted', 'paused', 'resumed', 'completed', 'closed', 'merged', 'converted', 'sla_warned', 'sla_breached'];

const families: Record<string, readonly string[]> = {
  statuses: CASE_STATUSES.map((s) => `cases.status.${s}`),
  channels: CASE_CHANNELS.map((c) => `cases.channel.${c}`),
  urgencies: CASE_URGENCIES.map((u) => `cases.urgency.${u}`),
  outcomes: CASE_OUTCOMES.map((o) => `cases.outcome.${o}`),
  feedback: CASE_FEEDBACK.map((f) => `cases.feedback.${f}`),
  events: EVENTS.map((e) => `cases.event.${e}`),
  duplicates: (['same_phone', 'same_address', 'similar_text', 'nearby_same_category'] satisfies DuplicateReason[]).map((r) => `cases.related.why.${r}`),
  periods: PERIODS.map((p) => `cases.kpi.periods.${p}`),
  stages: (['received', 'assigned', 'working', 'done'] satisfies CaseStage[]).map((s) => `cases.map.stage.${s}`),
  sla: ['left', 'over', 'paused'].flatMap((k) => ['accept', 'complete'].map((p) => `cases.sla.${k}.${p}`)),
  tiles: ['collected', 'completionRate', 'resolutionRate', 'accept', 'complete', 'slaBreaches', 'satisfaction'].map((k) => `cases.kpi.tile.${k}`),
  reportRows: ['collected', 'completionRate', 'resolutionRate', 'acceptMedian', 'acceptP90', 'completeMedian', 'completeP90', 'slaBreaches', 'satisfaction'].map((k) => `cases.report.row.${k}`),
  work: ['note', 'session', 'attachment'].map((k) => `cases.work.${k}`),
  missing: ['location', 'category'].map((k) => `cases.form.missing.${k}`),
  shell: ['cases.view.desk', 'cases.view.kpi', 'cases.map.cases', 'cases.map.heatmap', 'warningSource.case_sla'],
};

describe('case desk i18n keys', () => {
  it.each(Object.entries(families))('%s exist in both languages', (_name, keys) => {
    const missing = keys.flatMap((k) => [...(has(RESOURCES['zh-CN'], k) ? [] : [`zh-CN:${k}`]), ...(has(RESOURCES.en, k) ? [] : [`en:${k}`])]);
    expect(missing).toEqual([]);
  });
});
