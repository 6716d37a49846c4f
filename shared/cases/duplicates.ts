/**
 * Duplicate and related cases: the same matter reported twice (same phone, same address, similar
 * words) or next door in the same category, within a time window. Pure; the core passes the
 * recent open cases.
 */
import { distanceM } from '../geo.js';
import type { DuplicateReason } from './model.js';

export interface DuplicateRule {
  readonly windowMs: number;
  /** Character-bigram similarity (Dice) at or above which two texts count as similar. */
  readonly textSimilarity: number;
  readonly nearbyM: number;
  /** Score at or above which a candidate is shown. */
  readonly minScore: number;
}

export const DEFAULT_CASE_DUPLICATE_RULE: DuplicateRule = { windowMs: 7 * 24 * 3_600_000, textSimilarity: 0.5, nearbyM: 100, minScore: 0.3 };

export interface DuplicateSubject {
  readonly id: string;
  readonly phone: string | null;
  readonly address: string;
  readonly description: string;
  readonly category: string;
  readonly lat: number;
  readonly lon: number;
  readonly receivedAt: number;
}

const WEIGHT: Record<DuplicateReason, number> = { same_phone: 0.5, same_address: 0.35, similar_text: 0.35, nearby_same_category: 0.2 };

/** Digits only, without a +86 / 0086 prefix: "+86 138-0013-8000" = "13800138000". */
export function normalizePhone(p: string | null): string | null {
  if (!p) return null;
  const d = p.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
  return d.length >= 5 ? d : null;
}

/** Address without spaces, punctuation and case: "幸福小区 3 栋" = "幸福小区3栋". */
export function normalizeAddress(a: string): string {
  return a.toLowerCase().replace(/[\s,，.。#\-—_()（）]/g, '');
}

function bigrams(s: string): Map<string, number> {
  const t = s.toLowerCase().replace(/[\s\p{P}]/gu, '');
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams (works for Chinese without word segmentation), 0–1. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let nx = 0;
  let ny = 0;
  let both = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  for (const [g, v] of x) both += Math.min(v, y.get(g) ?? 0);
  return nx + ny === 0 ? 0 : (2 * both) / (nx + ny);
}

export function duplicateReasons(a: DuplicateSubject, b: DuplicateSubject, rule: DuplicateRule = DEFAULT_CASE_DUPLICATE_RULE): DuplicateReason[] {
  if (a.id === b.id || Math.abs(a.receivedAt - b.receivedAt) > rule.windowMs) return [];
  const out: DuplicateReason[] = [];
  const pa = normalizePhone(a.phone);
  if (pa !== null && pa === normalizePhone(b.phone)) out.push('same_phone');
  const aa = normalizeAddress(a.address);
  if (aa.length >= 4 && aa === normalizeAddress(b.address)) out.push('same_address');
  if (textSimilarity(a.description, b.description) >= rule.textSimilarity) out.push('similar_text');
  if (a.category === b.category && distanceM(a, b) <= rule.nearbyM) out.push('nearby_same_category');
  return out;
}

/** Candidates for `subject` among `others`, best first. */
export function findDuplicates<T extends DuplicateSubject>(subject: DuplicateSubject, others: readonly T[], rule: DuplicateRule = DEFAULT_CASE_DUPLICATE_RULE): { other: T; reasons: DuplicateReason[]; score: number }[] {
  const out: { other: T; reasons: DuplicateReason[]; score: number }[] = [];
  for (const o of others) {
    const reasons = duplicateReasons(subject, o, rule);
    const score = Math.min(1, reasons.reduce((s, r) => s + WEIGHT[r], 0));
    if (reasons.length && score >= rule.minScore) out.push({ other: o, reasons, score });
  }
  return out.sort((x, y) => y.score - x.score || y.other.receivedAt - x.other.receivedAt);
}
