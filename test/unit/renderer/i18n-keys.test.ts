/**
 * Keys the renderer builds at run time (`keys.${label}`, `timeline.type.…`) are not found by the
 * literal-key scan in locales.test.ts: each family is checked here against what can occur.
 */
import { describe, expect, it } from 'vitest';
import type { StatusWarning } from '../../../shared/domain/status-board';
import { DISPOSITIONS, INCIDENT_STATUSES, REPORT_CHANNELS, UNIT_STATUSES, WARNING_SEVERITIES, WARNING_SOURCES } from '../../../shared/model';
import { RESOURCES } from '../../../renderer/src/i18n/resources';

const en = RESOURCES.en;
const zh = RESOURCES['zh-CN'];
import { VERBS, type CommandError } from '../../../renderer/src/lib/command';
import { eventKey, type OrderStepKey, type ResponseTime } from '../../../renderer/src/lib/lifecycle';
import { PLACE_KINDS } from '../../../shared/domain/places';
import { COMMAND_HELP, shortcutLabel, SHORTCUTS } from '../../../renderer/src/lib/shortcuts';
import { capIgnoredKey, type AreaSummary } from '../../../renderer/src/lib/warnings';
import type { RiskLayer, SideTab } from '../../../renderer/src/store/ui-store';

type Tree = { readonly [k: string]: string | Tree };
const has = (tree: Tree, key: string): boolean => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.trim() !== '';
};

const families: Record<string, readonly string[]> = {
  shortcuts: SHORTCUTS.map(shortcutLabel),
  usage: [...COMMAND_HELP, ...VERBS].map((v) => `cmd.usage.${v}`),
  what: COMMAND_HELP.map((v) => `cmd.what.${v}`),
  errors: (['empty', 'unknown', 'usage', 'incident', 'status', 'disposition', 'type', 'reason', 'location'] satisfies CommandError['key'][]).map((k) => `cmd.err.${k}`),
  apiErrors: ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'internal'].map((c) => `errors.${c}`),
  events: [
    'incident.created',
    'incident.dispatched',
    'incident.escalated',
    'incident.status',
    'incident.note',
    'incident.linked',
    'order.sent',
    'order.resent',
    'order.answered',
    'order.no_answer',
    'order.cancelled',
    'unit.status',
  ].map(eventKey),
  places: PLACE_KINDS.map((k) => `place.${k}`),
  dispositions: DISPOSITIONS.map((d) => `disposition.${d}`),
  warnings: (['not_acknowledged', 'not_en_route', 'long_on_scene'] satisfies StatusWarning[]).map((w) => `warn.${w}`),
  steps: (['sent', 'acknowledged', 'en_route', 'on_scene', 'cleared'] satisfies OrderStepKey[]).map((s) => `orderStep.${s}`),
  times: (['toDispatch', 'toAck', 'toEnRoute', 'toOnScene'] satisfies ResponseTime['key'][]).map((k) => `times.${k}`),
  statuses: [...UNIT_STATUSES.map((s) => `unitStatus.${s}`), ...INCIDENT_STATUSES.map((s) => `incidentStatus.${s}`)],
  views: ['view.map', 'view.board', 'relation.duplicate', 'relation.related'],
  severities: WARNING_SEVERITIES.map((s) => `severity.${s}`),
  sources: WARNING_SOURCES.map((s) => `warningSource.${s}`),
  channels: REPORT_CHANNELS.map((c) => `channel.${c}`),
  tabs: (['action', 'warnings', 'reports'] satisfies SideTab[]).map((x) => `tabs.${x}`),
  layers: (['sensors', 'warnings', 'reports'] satisfies RiskLayer[]).map((x) => `legend.${x}`),
  areas: (['none', 'point', 'polygon', 'circle', 'several'] satisfies AreaSummary['kind'][]).map((k) => `area.${k}`),
  capReasons: ['already expired', 'repeat of x', 'superseded by y', 'no info block', 'status Test: not a warning', 'msgType Ack: not a warning'].map(
    (r) => capIgnoredKey(r)?.key ?? `missing:${r}`,
  ),
  linkStates: ['connected', 'connecting', 'offline'].map((s) => `link.${s}`),
};

describe('built i18n keys', () => {
  it.each(Object.entries(families))('%s exist in both languages', (_name, keys) => {
    const missing = keys.flatMap((k) => [...(has(zh, k) ? [] : [`zh-CN:${k}`]), ...(has(en, k) ? [] : [`en:${k}`])]);
    expect(missing).toEqual([]);
  });
});
