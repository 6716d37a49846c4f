/**
 * The command line's language: one letter, then arguments, as a dispatcher types on a radio call.
 *
 *   12 | #12                      open incident #12
 *   D 12                         dispatch #12's plan (what its panel shows)
 *   E 12                         escalate #12 to the next alarm level
 *   U 12                         #12 under control
 *   C 12 resolved                close #12 with a disposition
 *   S F-101 on_scene             set a unit's status (id, number 1–7 or a label)
 *   R F-101 12 reason…           reassign a unit to #12
 *   X F-101 reason…              cancel the unit's order
 *   N 31.13,104.40 structure_fire  new incident at a point (or a place name)
 *   L 13 12                      link #13 to #12 as its duplicate
 *   ?                            help
 *
 * Pure: the parser knows ids and labels only through the alias maps it is given; errors are
 * i18n keys with parameters, shown inline by the command line.
 */
import type { Disposition, UnitStatus } from '../../../shared/model';
import { parseLatLon } from '../../../shared/domain/places';

export type Command =
  | { readonly kind: 'open'; readonly incident: number }
  | { readonly kind: 'dispatch'; readonly incident: number }
  | { readonly kind: 'escalate'; readonly incident: number }
  | { readonly kind: 'underControl'; readonly incident: number }
  | { readonly kind: 'close'; readonly incident: number; readonly disposition: Disposition }
  | { readonly kind: 'unitStatus'; readonly unit: string; readonly status: UnitStatus }
  | { readonly kind: 'reassign'; readonly unit: string; readonly incident: number; readonly reason: string }
  | { readonly kind: 'cancel'; readonly unit: string; readonly reason: string }
  | { readonly kind: 'new'; readonly type: string; readonly at: { readonly lat: number; readonly lon: number } | null; readonly place: string }
  | { readonly kind: 'link'; readonly incident: number; readonly other: number }
  | { readonly kind: 'help' };

export interface CommandError {
  /** Under `cmd.err.` in the locale files. */
  readonly key: 'empty' | 'unknown' | 'usage' | 'incident' | 'status' | 'disposition' | 'type' | 'reason' | 'location';
  readonly params: Readonly<Record<string, string | number>>;
}

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: CommandError };

/** Lower-cased words (ids, numbers, labels in both languages) for each value. */
export interface CommandContext {
  readonly incidentTypes: ReadonlyMap<string, string>;
  readonly statuses: ReadonlyMap<string, UnitStatus>;
  readonly dispositions: ReadonlyMap<string, Disposition>;
}

export const VERBS = ['D', 'E', 'U', 'C', 'S', 'R', 'X', 'N', 'L'] as const;
export type Verb = (typeof VERBS)[number];

/** Builds an alias map: each value under its id and every label given, lower-cased, spaces kept single. */
export function aliasMap<T extends string>(entries: Iterable<readonly [T, readonly string[]]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, labels] of entries) {
    for (const l of [value, ...labels]) {
      const k = key(l);
      if (k && !m.has(k)) m.set(k, value);
    }
  }
  return m;
}

const key = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const fail = (k: CommandError['key'], params: CommandError['params'] = {}): ParseResult => ({ ok: false, error: { key: k, params } });
const ok = (command: Command): ParseResult => ({ ok: true, command });

function incidentNumber(token: string | undefined): number | null {
  if (!token || !/^#?\d{1,7}$/.test(token)) return null;
  const n = Number(token.replace('#', ''));
  return n > 0 ? n : null;
}

const UNIT_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,63}$/u;

/** Longest run of trailing tokens (up to 4) that names a value in `map`. */
function trailing<T>(tokens: readonly string[], map: ReadonlyMap<string, T>): { value: T; rest: string[] } | null {
  for (let n = Math.min(4, tokens.length); n >= 1; n--) {
    const v = map.get(key(tokens.slice(tokens.length - n).join(' ')));
    if (v !== undefined) return { value: v, rest: tokens.slice(0, tokens.length - n) };
  }
  return null;
}

export function parseCommand(line: string, ctx: CommandContext): ParseResult {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return fail('empty');
  const [head, ...args] = tokens;
  const only = incidentNumber(head);
  if (only !== null && args.length === 0) return ok({ kind: 'open', incident: only });
  const verb = head.toUpperCase();
  if (verb === '?' || verb === 'H' || verb === 'HELP' || head === '帮助') return ok({ kind: 'help' });
  if (!(VERBS as readonly string[]).includes(verb)) return fail('unknown', { verb: head });
  const usage = (): ParseResult => fail('usage', { verb });

  switch (verb as Verb) {
    case 'D':
    case 'E':
    case 'U': {
      const n = incidentNumber(args[0]);
      if (args.length !== 1) return usage();
      if (n === null) return fail('incident', { value: args[0] });
      return ok({ kind: verb === 'D' ? 'dispatch' : verb === 'E' ? 'escalate' : 'underControl', incident: n });
    }
    case 'C': {
      if (args.length < 2) return usage();
      const n = incidentNumber(args[0]);
      if (n === null) return fail('incident', { value: args[0] });
      const text = args.slice(1).join(' ');
      const disposition = ctx.dispositions.get(key(text));
      if (!disposition) return fail('disposition', { value: text });
      return ok({ kind: 'close', incident: n, disposition });
    }
    case 'S': {
      if (args.length < 2 || !UNIT_ID.test(args[0])) return usage();
      const text = args.slice(1).join(' ');
      const status = ctx.statuses.get(key(text));
      if (!status) return fail('status', { value: text });
      return ok({ kind: 'unitStatus', unit: args[0], status });
    }
    case 'R': {
      if (args.length < 2 || !UNIT_ID.test(args[0])) return usage();
      const n = incidentNumber(args[1]);
      if (n === null) return fail('incident', { value: args[1] });
      const reason = args.slice(2).join(' ');
      if (!reason) return fail('reason');
      return ok({ kind: 'reassign', unit: args[0], incident: n, reason });
    }
    case 'X': {
      if (args.length < 1 || !UNIT_ID.test(args[0])) return usage();
      const reason = args.slice(1).join(' ');
      if (!reason) return fail('reason');
      return ok({ kind: 'cancel', unit: args[0], reason });
    }
    case 'N': {
      if (args.length < 2) return usage();
      const found = trailing(args, ctx.incidentTypes);
      if (!found) return fail('type', { value: args[args.length - 1] });
      const place = found.rest.join(' ');
      if (!place) return fail('location');
      return ok({ kind: 'new', type: found.value, at: parseLatLon(place), place });
    }
    case 'L': {
      if (args.length !== 2) return usage();
      const a = incidentNumber(args[0]);
      const b = incidentNumber(args[1]);
      if (a === null) return fail('incident', { value: args[0] });
      if (b === null) return fail('incident', { value: args[1] });
      return ok({ kind: 'link', incident: a, other: b });
    }
  }
}
