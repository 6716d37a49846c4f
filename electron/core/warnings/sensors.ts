/**
 * Sensors: the registry (CSV file at start, `sensors.register` from the UI) and their readings.
 *
 * A reading is telemetry: only its latest value is kept (sensor_readings), with no event. What is
 * logged is what a dispatcher acts on: a threshold transition (shared/domain/thresholds.ts) raises,
 * upgrades, downgrades or clears the sensor's one open warning through the warning book. The
 * sensor's level is not stored separately; it is read from that open warning, so the two never
 * disagree and a rebuild from the log restores both.
 */
import type { Statement } from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { bandsFor, evaluate, nextLevel, severityOfLevel, transitionOf, type Bands } from '../../../shared/domain/thresholds.js';
import type { SensorKind, SensorLevel, SensorView } from '../../../shared/model.js';
import { describeZodError } from '../../../shared/schemas/common.js';
import { sensorRowSchema, type SensorDef, type SensorReadingMsg } from '../../../shared/schemas/field.js';
import { readTextFile, ResourceError } from '../resources.js';
import type { Author } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { WarningBook } from './book.js';
import type { WarningQueries } from './views.js';

const REQUIRED_COLUMNS = ['id', 'name', 'kind', 'lat', 'lon', 'unit', 'warning', 'alarm'];

/** Parses a sensor registry CSV (id,name,kind,lat,lon,unit,warning,alarm[,band]); refuses it whole, by line. */
export function parseSensorRegistry(text: string, file: string): SensorDef[] {
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new ResourceError(file, `not valid CSV: ${(e as Error).message}`);
  }
  const header = records.length ? Object.keys(records[0]) : REQUIRED_COLUMNS;
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new ResourceError(file, `missing column(s) ${missing.join(', ')}`);
  const seen = new Set<string>();
  return records.map((rec, i) => {
    const line = i + 2;
    const r = sensorRowSchema.safeParse(rec);
    if (!r.success) throw new ResourceError(file, `line ${line}: ${describeZodError(r.error)}`);
    if (seen.has(r.data.id)) throw new ResourceError(file, `line ${line}: duplicate sensor id "${r.data.id}"`);
    seen.add(r.data.id);
    return r.data;
  });
}

export function loadSensorRegistry(file: string): SensorDef[] {
  return parseSensorRegistry(readTextFile(file), file);
}

/** Names for titles; the command hall reads Chinese. */
const KIND_LABEL: Readonly<Record<SensorKind, string>> = {
  water_level: '水位',
  rainfall: '雨量',
  smoke: '烟雾浓度',
  gas: '可燃气体浓度',
  temperature: '温度',
  crowd_density: '人群密度',
};

export interface SensorDeskOptions {
  readonly consoleId: string;
  /** Hysteresis band per kind as a share of each line (default 5 %); a sensor's own band wins. */
  readonly kindBands?: Partial<Record<SensorKind, number>>;
}

type SensorLines = Pick<SensorView, 'id' | 'name' | 'kind' | 'lat' | 'lon' | 'unit' | 'warning' | 'alarm' | 'band'>;

export class SensorDesk {
  private readonly saveReading: Statement;
  private readonly dropReading: Statement;

  constructor(
    private readonly store: Store,
    private readonly queries: WarningQueries,
    private readonly book: WarningBook,
    private readonly opts: SensorDeskOptions,
  ) {
    this.saveReading = store.db.prepare(
      `INSERT INTO sensor_readings (sensor_id, value, ts, received_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(sensor_id) DO UPDATE SET value = excluded.value, ts = excluded.ts, received_at = excluded.received_at
       WHERE excluded.ts > sensor_readings.ts`,
    );
    this.dropReading = store.db.prepare('DELETE FROM sensor_readings WHERE sensor_id = ?');
  }

  /**
   * Registers a sensor, or changes one: an unchanged definition adds no event. New lines are applied
   * to the last reading at once (lowering a line over a rising river should not wait for the next
   * reading). A new kind or unit makes the last reading and any open warning meaningless: both go.
   */
  register(def: SensorDef, who: Author): SensorView {
    return this.book.batch(() => {
      const old = this.queries.sensor(def.id);
      const next: SensorLines = { ...def, band: def.band ?? null };
      if (old && sameDefinition(old, next)) return old;
      this.store.append('sensor.registered', next, who);
      if (old && (old.kind !== next.kind || old.unit !== next.unit)) {
        this.dropReading.run(def.id);
        if (old.warningId) this.book.clear(old.warningId, 'reconfigured', who);
      } else if (old && old.lastValue !== null && old.lastTs !== null) {
        const to = nextLevel(old.level, old.lastValue, next, this.bands(next));
        this.transit(next, old.level, to, { value: old.lastValue, ts: old.lastTs }, who);
      }
      return this.mustSensor(def.id);
    });
  }

  /** Registers every row of a registry file in one transaction; returns how many were new or changed. */
  registerAll(defs: readonly SensorDef[], who: Author): number {
    return this.book.batch(() => {
      let changed = 0;
      for (const def of defs) {
        const before = this.queries.sensor(def.id);
        const after = this.register(def, who);
        if (!before || !sameDefinition(before, after)) changed += 1;
      }
      return changed;
    });
  }

  /** Takes one decoded reading; returns why it is refused, or null when accepted. */
  reading(sensorId: string, msg: SensorReadingMsg): string | null {
    const s = this.queries.sensor(sensorId);
    if (!s) return `unregistered sensor "${sensorId}"`;
    if (msg.kind !== s.kind) return `kind "${msg.kind}" does not match the registered kind "${s.kind}" of ${s.id}`;
    if (msg.unit !== s.unit) return `unit "${msg.unit}" does not match the registered unit "${s.unit}" of ${s.id}`;
    const ev = evaluate({ level: s.level, lastTs: s.lastTs }, msg, s, this.bands(s));
    if (!ev.ok) return ev.reason;
    if (ev.transition === null) {
      // Most readings change nothing but the last value: telemetry, committed without an fsync.
      this.store.tx(() => this.saveReading.run(s.id, msg.value, msg.ts, this.store.now()), 'relaxed');
      return null;
    }
    const who = { actor: `device:${s.id}`, consoleId: this.opts.consoleId };
    this.book.batch(() => {
      this.saveReading.run(s.id, msg.value, msg.ts, this.store.now());
      this.transit(s, s.level, ev.level, msg, who);
    });
    return null;
  }

  list(): SensorView[] {
    return this.queries.sensors();
  }

  private bands(s: SensorLines): Bands {
    return bandsFor(s, { band: s.band, fraction: this.opts.kindBands?.[s.kind] });
  }

  /** Writes the warning event a change of level calls for (none when the level stays). */
  private transit(s: SensorLines, from: SensorLevel, to: SensorLevel, reading: { value: number; ts: number }, who: Author): void {
    const t = transitionOf(from, to);
    if (t === null) return;
    const open = this.queries.openWarningOf('sensor', s.id);
    if (to === 'normal') {
      if (open) this.book.clear(open.id, 'normal', who);
      return;
    }
    const line = to === 'alarm' ? '报警' : '警戒';
    const content = {
      sourceRef: s.id,
      severity: severityOfLevel(to),
      title: `${s.name}：${KIND_LABEL[s.kind]}超过${line}值`,
      detail: `读数 ${reading.value} ${s.unit}（警戒 ${s.warning} ${s.unit}，报警 ${s.alarm} ${s.unit}）`,
      area: { type: 'Point' as const, coordinates: [s.lon, s.lat] as const },
      issuedAt: reading.ts,
      effectiveAt: reading.ts,
      expiresAt: null,
    };
    if (open) this.book.update(open.id, content, who);
    else this.book.raise('sensor', content, who);
  }

  private mustSensor(id: string): SensorView {
    const s = this.queries.sensor(id);
    if (!s) throw new Error(`sensor ${id} vanished inside its own transaction`);
    return s;
  }
}

function sameDefinition(a: SensorLines, b: SensorLines): boolean {
  return (
    a.name === b.name && a.kind === b.kind && a.lat === b.lat && a.lon === b.lon && a.unit === b.unit &&
    a.warning === b.warning && a.alarm === b.alarm && a.band === b.band
  );
}
