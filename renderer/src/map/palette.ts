/**
 * Colours shared by the map and the panels, chosen for a dark hall: status colours keep their
 * meaning everywhere (green free, amber moving, red on scene, grey out of service).
 */
import type { OrderState, SensorLevel, UnitStatus, WarningSeverity } from '../../../shared/model';
import type { PriorityBand } from '../lib/format';

export const STATUS_COLOURS: Readonly<Record<UnitStatus, string>> = {
  available: '#3ddc84',
  en_route: '#ffb020',
  on_scene: '#ff4d4f',
  transporting: '#c084fc',
  at_hospital: '#c084fc',
  returning: '#4cc3ff',
  out_of_service: '#6b7a90',
};

export const ORDER_COLOURS: Readonly<Record<OrderState, string>> = {
  queued: '#9fb0c8',
  sent: '#4cc3ff',
  acknowledged: '#3ddc84',
  refused: '#ff4d4f',
  no_answer: '#ffb020',
  cancelled: '#7a8799',
};

export const PRIORITY_COLOURS: Readonly<Record<PriorityBand, string>> = {
  critical: '#ff3b3b',
  high: '#ff8c1a',
  normal: '#ffd23f',
};

export const UNREGISTERED_COLOUR = '#8a94a6';
export const MAP_BACKGROUND = '#0b111b';
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** China's warning-signal colours: blue, yellow, orange, red (一般、较重、严重、特别严重). */
export const SEVERITY_COLOURS: Readonly<Record<WarningSeverity, string>> = {
  minor: '#4c9dff',
  moderate: '#ffd23f',
  severe: '#ff8c1a',
  extreme: '#ff3b3b',
};

/** A sensor takes the colour of the warning its level raises; quiet grey-blue when normal. */
export const SENSOR_LEVEL_COLOURS: Readonly<Record<SensorLevel, string>> = {
  normal: '#9fb0c8',
  warning: SEVERITY_COLOURS.moderate,
  alarm: SEVERITY_COLOURS.severe,
};

/** Citizen reports: white stars, unlike any unit, incident or sensor symbol. */
export const REPORT_COLOUR = '#f4f7fb';
