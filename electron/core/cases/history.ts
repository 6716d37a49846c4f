/**
 * A deterministic case history for tests and the bench: N cases over a period, each taken through
 * the real case desk (intake, routing, assignment, acceptance, pauses, completion, closure with
 * feedback, a few merges) at generated times, with the store's clock set to each step's time.
 * Steps due after `end` are left undone, so the end of the history has open and late cases too.
 * Returns the plan (ground truth: what was done when) for independent checks.
 */
import type { CallContext } from '../../../shared/api.js';
import { locate } from '../../../shared/cases/areas.js';
import type { CaseFeedback, CaseOutcome } from '../../../shared/cases/model.js';
import { proposeBody } from '../../../shared/cases/routing.js';
import { DAY_MS, HOUR_MS } from '../../../shared/cases/sla.js';
import type { CaseService } from './service.js';

export interface HistoryOptions {
  readonly cases: number;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  /** Yearly change of the case rate (−0.18: 18 % fewer cases a year later). */
  readonly yearlyTrend?: number;
}

export interface PlannedCase {
  id: string;
  readonly receivedAt: number;
  readonly category: string;
  readonly district: string | null;
  readonly proposedBodyId: string | null;
  /** Executed steps only (those before `end`). */
  bodyId: string | null;
  acceptedAt: number | null;
  completedAt: number | null;
  outcome: CaseOutcome | null;
  closedAt: number | null;
  feedback: CaseFeedback | null;
  merged: boolean;
  readonly pauses: { from: number; to: number | null }[];
}

/** mulberry32: a small seeded PRNG, 0 ≤ x < 1. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Step = { t: number; i: number; run: () => void };

const TEXTS = ['楼上装修噪声扰民', '邻居占用公共楼道堆放杂物', '拖欠三个月工资未发', '物业费纠纷', '宅基地边界争议', '预付卡商家跑路', '路灯不亮', '小区门口道路塌陷', '家庭赡养纠纷', '夜间施工噪声'];

export function generateHistory(svc: CaseService, clock: { t: number }, o: HistoryOptions): PlannedCase[] {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const leaves = svc.catalog.categories.filter((c) => !svc.catalog.categories.some((x) => x.parent === c.id) && !c.incidentType);
  const places = Array.from({ length: Math.max(50, Math.floor(o.cases / 8)) }, (_, k) => ({
    lat: 31.0815 + rnd() * 0.097,
    lon: 104.328 + rnd() * 0.144,
    address: `${pick(['幸福', '和平', '光明', '建设', '锦绣', '滨河', '金桥', '翠竹'])}路 ${k + 1} 号`,
  }));
  const phones = Array.from({ length: Math.max(50, Math.floor(o.cases / 3)) }, (_, k) => `139${String(10_000_000 + k * 7919).slice(-8)}`);
  const who = (actor: string): CallContext => ({ actor, consoleId: 'history', role: 'supervisor' });
  const span = o.end - o.start;
  const trend = o.yearlyTrend ?? -0.18;
  const plan: PlannedCase[] = [];
  const steps: Step[] = [];

  const placeOf: (typeof places)[number][] = [];
  const repeat: boolean[] = [];

  for (let i = 0; i < o.cases; i++) {
    // 1 %: a repeat of an earlier case (same place, within two hours), merged into it five minutes later.
    const target = i > 10 && rnd() < 0.01 ? Math.floor(rnd() * i) : -1;
    const isRepeat = target >= 0 && !repeat[target];
    let receivedAt: number;
    let place: (typeof places)[number];
    if (isRepeat) {
      receivedAt = plan[target].receivedAt + 10 * 60_000 + Math.floor(rnd() * 2 * HOUR_MS);
      place = placeOf[target];
    } else {
      // Rate changing by `trend` a year: sample by rejection.
      do receivedAt = o.start + Math.floor(rnd() * span);
      while (rnd() > (1 + trend * ((receivedAt - o.start) / (365 * DAY_MS))) / (1 + Math.max(0, trend)));
      place = pick(places);
    }
    placeOf.push(place);
    repeat.push(isRepeat);
    const category = isRepeat ? plan[target].category : pick(leaves).id;
    const where = locate(svc.areas, place.lat, place.lon);
    const proposal = proposeBody(svc.catalog, { category, lat: place.lat, lon: place.lon, ...where });
    const c: PlannedCase = {
      id: '', receivedAt, category, district: where.district, proposedBodyId: proposal.bodyId, bodyId: null, acceptedAt: null, completedAt: null,
      outcome: null, closedAt: null, feedback: null, merged: false, pauses: [],
    };
    plan.push(c);
    const phone = rnd() < 0.8 ? pick(phones) : null;
    steps.push({ t: receivedAt, i, run: () => {
      c.id = svc.desk.receive({ channel: pick(['app', 'hotline', 'station', 'phone', 'walk_in'] as const), sourceRef: null, category, description: pick(TEXTS), lat: place.lat, lon: place.lon, address: place.address, reporterName: phone ? '居民' : null, phone }, who('intake')).id;
    } });
    if (isRepeat) {
      const into = plan[target];
      steps.push({ t: receivedAt + 5 * 60_000, i, run: () => {
        svc.desk.merge({ caseId: c.id, intoId: into.id }, who('operator'));
        c.merged = true;
      } });
      continue;
    }
    const override = rnd() < 0.05 && proposal.candidates.length > 1;
    const body = override ? proposal.candidates[1].bodyId : proposal.bodyId;
    if (!body) continue;
    let t = receivedAt + 5 * 60_000 + rnd() * 2 * HOUR_MS;
    steps.push({ t, i, run: () => {
      svc.desk.assign({ caseId: c.id, bodyId: body, reason: override ? '辖区调整 / area agreement' : undefined }, who('operator'));
      c.bodyId = body;
    } });
    if (rnd() < 0.005) continue; // never accepted
    t += rnd() < 0.9 ? rnd() * 9 * HOUR_MS : 9 * HOUR_MS + rnd() * 30 * HOUR_MS;
    steps.push({ t, i, run: () => ((c.acceptedAt = clock.t), svc.desk.accept(c.id, who(body))) });
    t += rnd() * 6 * HOUR_MS;
    steps.push({ t, i, run: () => svc.desk.start(c.id, who(body)) });
    if (rnd() < 0.15) {
      const from = t + rnd() * DAY_MS;
      const to = from + HOUR_MS + rnd() * 3 * DAY_MS;
      const p = { from: Math.floor(from), to: null as number | null };
      steps.push({ t: from, i, run: () => {
        p.from = clock.t;
        svc.desk.pause({ caseId: c.id, reason: '等待当事人 / waiting for the reporter' }, who(body));
        c.pauses.push(p);
      } });
      steps.push({ t: to, i, run: () => ((p.to = clock.t), svc.desk.resume(c.id, who(body))) });
      t = to;
    }
    if (rnd() < 0.01) continue; // never completed
    t += rnd() < 0.9 ? rnd() * 2.5 * DAY_MS : 2.5 * DAY_MS + rnd() * 5 * DAY_MS;
    const outcome: CaseOutcome = rnd() < 0.98 ? 'resolved' : 'not_resolved';
    steps.push({ t, i, run: () => {
      svc.desk.resolve({ caseId: c.id, outcome, summary: '调解达成协议 / settled' }, who(body));
      c.completedAt = clock.t;
      c.outcome = outcome;
    } });
    t += HOUR_MS + rnd() * 2 * DAY_MS;
    const x = rnd();
    const feedback: CaseFeedback = x < 0.9 ? 'satisfied' : x < 0.97 ? 'dissatisfied' : 'none';
    steps.push({ t, i, run: () => {
      svc.desk.close({ caseId: c.id, feedback }, who('operator'));
      c.closedAt = clock.t;
      c.feedback = feedback;
    } });
  }

  steps.sort((a, b) => a.t - b.t || a.i - b.i);
  for (let k = 0; k < steps.length; k += 2000) {
    svc.transaction(() => {
      for (const s of steps.slice(k, k + 2000)) {
        if (s.t >= o.end) return;
        clock.t = Math.max(clock.t, Math.floor(s.t));
        s.run();
      }
    });
  }
  clock.t = o.end;
  svc.sla.check();
  return plan;
}
