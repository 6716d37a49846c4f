/**
 * The scenario engine: plays a drill scenario against a console through MQTT only, in the drill
 * namespace and on the drill clock. Citizen calls go to the report topics, sensors follow their
 * curves, CAP alerts (status Exercise) go to the CAP topic, and the crews (drill-crews.ts) answer
 * orders, drive and report; breakdowns, refusals, signal loss and road closures change them.
 * It never calls the core: the console under drill sees exactly what real devices would send.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { Bilingual, Inject, Place, Scenario } from '../../shared/drills/scenario.js';
import type { RoadGraph } from '../../shared/domain/roads.js';
import type { LatLon } from '../../shared/geo.js';
import { fieldTopics } from '../../shared/schemas/field.js';
import type { TopicNamespace } from '../../shared/schemas/namespace.js';
import { DrillCrews } from './drill-crews.js';

export interface EngineUnit {
  readonly id: string;
  readonly agency: string;
  readonly lat: number;
  readonly lon: number;
}

export interface EngineOptions {
  readonly scenario: Scenario;
  readonly runId: string;
  readonly brokerUrl: string;
  readonly ns: TopicNamespace;
  readonly roads: RoadGraph;
  /** The drill clock. */
  readonly now: () => number;
  readonly roster: readonly EngineUnit[];
  readonly sensors: ReadonlyMap<string, { kind: string; unit: string }>;
  /** Scenario places as coordinates. */
  readonly place: (p: Place) => LatLon;
  /** Real milliseconds between ticks (default 100). */
  readonly tickMs?: number;
}

/** A call the engine made: the headless dispatcher and the report match incidents to these. */
export interface PlacedCall {
  readonly reportId: string;
  readonly key: string;
  readonly incidentType: string;
  readonly point: LatLon;
  readonly address: string;
  readonly summary: string;
  readonly at: number;
}

interface Curve {
  readonly sensorId: string;
  readonly startAt: number;
  readonly next: { at: number };
  readonly inject: NonNullable<Inject['sensor']>;
}

const both = (b: Bilingual): string => (b.zh === b.en ? b.zh : `${b.zh} / ${b.en}`);

export class DrillEngine {
  readonly crews: DrillCrews;
  readonly calls: PlacedCall[] = [];
  private readonly client: MqttClient;
  private readonly startAt: number;
  private fired = 0;
  private curves: Curve[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly order: { at: number; inject: Inject; index: number }[];
  private readonly offDuty: string[];

  constructor(private readonly opts: EngineOptions) {
    const s = opts.scenario;
    const onDuty = opts.roster.filter((u) => s.units.agencies.includes(u.agency as never) || s.units.ids.includes(u.id));
    this.crews = new DrillCrews(opts.brokerUrl, opts.ns, opts.roads, opts.now, s.crews, onDuty);
    this.client = mqtt.connect(opts.brokerUrl, { clientId: `qx-drill-field-${process.pid}-${Date.now()}`, reconnectPeriod: 500 });
    this.startAt = opts.now();
    this.order = s.timeline.map((inject, index) => ({ at: this.startAt + inject.at * 1000, inject, index })).sort((a, b) => a.at - b.at || a.index - b.index);
    this.offDuty = opts.roster.filter((u) => !this.crews.has(u.id)).map((u) => u.id);
  }

  /** Scenario seconds since the start. */
  elapsedS(): number {
    return (this.opts.now() - this.startAt) / 1000;
  }

  /** Every inject has been played and no sensor curve is still running. */
  get injectsDone(): boolean {
    return this.fired >= this.order.length && this.curves.length === 0;
  }

  get finished(): boolean {
    return this.elapsedS() >= this.opts.scenario.duration;
  }

  async start(): Promise<void> {
    await Promise.all([
      this.crews.start(),
      new Promise<void>((resolve, reject) => {
        this.client.once('connect', () => resolve());
        this.client.once('error', reject);
      }),
    ]);
    this.crews.reportIn(this.offDuty);
    this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 100);
    this.tick();
  }

  tick(): void {
    const now = this.opts.now();
    while (this.fired < this.order.length && this.order[this.fired].at <= now) {
      const { inject, index } = this.order[this.fired++];
      this.play(inject, index, now);
    }
    this.curves = this.curves.filter((c) => this.curveStep(c, now));
    this.crews.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([this.crews.close(), this.client.endAsync()]);
  }

  private play(inj: Inject, index: number, now: number): void {
    const s = this.opts.scenario;
    if (inj.call) {
      const c = inj.call;
      const point = this.opts.place(c.place);
      const reportId = `${this.opts.runId.slice(0, 8)}-${String(index + 1).padStart(3, '0')}`;
      const address = c.address ? both(c.address) : '';
      const call: PlacedCall = { reportId, key: c.incident ?? reportId, incidentType: c.incidentType, point, address, summary: both(c.text), at: now };
      this.calls.push(call);
      this.publish(fieldTopics.report(c.channel), {
        reportId,
        category: c.category,
        text: call.summary,
        lat: point.lat,
        lon: point.lon,
        address,
        ...(c.contact ? { contact: c.contact } : {}),
        ts: now,
      });
    } else if (inj.sensor) {
      this.curves.push({ sensorId: inj.sensor.id, startAt: now, next: { at: now }, inject: inj.sensor });
      this.curves = this.curves.filter((c) => c === this.curves[this.curves.length - 1] || c.sensorId !== inj.sensor?.id);
    } else if (inj.cap) {
      this.client.publish(this.opts.ns.wire(fieldTopics.cap), capXml(s.id, index, inj.cap, this.opts.place(inj.cap.area.place), now), { qos: 1 });
    } else if (inj.breakdown) this.crews.breakdown(inj.breakdown.unit);
    else if (inj.refuse) this.crews.refuseNext(inj.refuse.unit, inj.refuse.reason ? both(inj.refuse.reason) : 'crew unavailable');
    else if (inj.signalLoss) this.crews.silence(inj.signalLoss.unit, inj.signalLoss.for * 1000);
    else if (inj.roadClosure) {
      const at = this.opts.place(inj.roadClosure.place);
      this.crews.closeRoads(at, inj.roadClosure.radiusM);
      // The hall hears of it as traffic police would announce it: a CAP alert (Transport, Avoid).
      this.client.publish(this.opts.ns.wire(fieldTopics.cap), capXml(s.id, index, closureAlert(inj.roadClosure), at, now, CLOSURE), { qos: 1 });
    }
  }

  /** Publishes the curve's readings that are due; false once it has reached its end. */
  private curveStep(c: Curve, now: number): boolean {
    const sensor = this.opts.sensors.get(c.sensorId);
    if (!sensor) return false;
    const { curve } = c.inject;
    const overMs = curve.over * 1000;
    while (c.next.at <= now) {
      const f = overMs === 0 ? 1 : Math.min(1, (c.next.at - c.startAt) / overMs);
      const value = curve.from + (curve.to - curve.from) * shape(curve.shape, f);
      this.publish(fieldTopics.reading(c.sensorId), { kind: sensor.kind, value: Math.round(value * 1000) / 1000, unit: sensor.unit, ts: c.next.at });
      if (f >= 1) return false;
      c.next.at += Math.max(1, curve.every) * 1000;
    }
    return true;
  }

  private publish(canonical: string, body: object): void {
    if (this.client.connected) this.client.publish(this.opts.ns.wire(canonical), JSON.stringify(body), { qos: 1 });
  }
}

export function shape(kind: 'linear' | 'ease-in' | 'ease-out' | 'step', f: number): number {
  if (kind === 'ease-in') return f * f;
  if (kind === 'ease-out') return 1 - (1 - f) * (1 - f);
  if (kind === 'step') return f >= 1 ? 1 : 0;
  return f;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const capTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');

/** CAP category and response type of an alert: weather by default, a road closure is Transport / Avoid. */
interface CapKind {
  readonly category: string;
  readonly responseType?: string;
}
const WEATHER: CapKind = { category: 'Met' };
const CLOSURE: CapKind = { category: 'Transport', responseType: 'Avoid' };

/** A road closure inject as the alert the engine publishes about it (in force for 6 hours of scenario time). */
export function closureAlert(c: NonNullable<Inject['roadClosure']>): NonNullable<Inject['cap']> {
  return {
    event: { zh: '道路封闭', en: 'Road closure' },
    severity: 'Moderate',
    urgency: 'Immediate',
    headline: { zh: `道路封闭：${c.name.zh}`, en: `Road closed: ${c.name.en}` },
    area: { place: c.place, radiusKm: c.radiusM / 1000, name: c.name },
    expires: 6 * 3600,
  };
}

/** A CAP 1.2 alert (status Exercise) with one info block per language. */
export function capXml(scenarioId: string, index: number, cap: NonNullable<Inject['cap']>, at: LatLon, now: number, kind: CapKind = WEATHER): string {
  const info = (lang: 'zh' | 'en'): string => `
  <info>
    <language>${lang === 'zh' ? 'zh-CN' : 'en-US'}</language>
    <category>${kind.category}</category>
    <event>${esc(cap.event[lang])}</event>${kind.responseType ? `\n    <responseType>${kind.responseType}</responseType>` : ''}
    <urgency>${cap.urgency}</urgency>
    <severity>${cap.severity}</severity>
    <certainty>Observed</certainty>
    <expires>${capTime(now + cap.expires * 1000)}</expires>
    <senderName>Quanxiang drill</senderName>
    <headline>${esc(cap.headline[lang])}</headline>
    ${cap.description ? `<description>${esc(cap.description[lang])}</description>` : ''}
    <area>
      <areaDesc>${esc(cap.area.name[lang])}</areaDesc>
      <circle>${at.lat.toFixed(5)},${at.lon.toFixed(5)} ${cap.area.radiusKm}</circle>
    </area>
  </info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>DRILL-${esc(scenarioId)}-${index + 1}-${now}</identifier>
  <sender>drill@quanxiang</sender>
  <sent>${capTime(now)}</sent>
  <status>Exercise</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>${info('zh')}${info('en')}
</alert>`;
}
