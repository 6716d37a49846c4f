/**
 * CAP 1.2 value formats: enumerations, dateTime, identifiers, references, address lists,
 * polygons, circles and links. Each parser either returns a clean value or fails with the
 * location and the rule broken.
 */
import type { CapReference, CapShape, CapTime } from '../../../shared/domain/cap-types.js';
import { invalid } from './cap-read.js';

export function oneOf<T extends string>(text: string, allowed: readonly T[], path: string): T {
  const found = allowed.find((a) => a === text);
  if (found === undefined) invalid(path, `"${text}" is not one of ${allowed.join(', ')}`);
  return found;
}

/**
 * CAP restricts xs:dateTime to "YYYY-MM-DDThh:mm:ss±hh:mm": a timezone is mandatory and UTC is
 * written "-00:00". "Z" is forbidden by the standard but unambiguous, so it is tolerated; a time
 * without any zone is refused, as it could be read hours off.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:([+-])(\d{2}):(\d{2})|Z)$/;

export function capTime(text: string, path: string): CapTime {
  const m = DATE_TIME.exec(text);
  if (!m) invalid(path, `"${text}" is not a CAP dateTime with timezone (e.g. 2003-06-17T14:57:00-07:00)`);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  const offsetMin = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  // Date.UTC rolls 2003-02-30 over into March; a round trip exposes impossible dates.
  const real = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  if (!real || Math.abs(offsetMin) > 14 * 60 || Number(m[9] ?? 0) >= 60) invalid(path, `"${text}" is not a valid date and time`);
  return { text, ms: local - offsetMin * 60_000 };
}

/** identifier and sender: CAP forbids spaces, commas and the restricted characters < and &. */
export function capId(text: string, path: string): string {
  if (/[\s,<&]/.test(text)) invalid(path, `"${text}" must not contain spaces, commas, "<" or "&"`);
  return text;
}

/** Whitespace-separated "sender,identifier,sent" triplets. */
export function references(text: string, path: string): CapReference[] {
  return text.split(/\s+/).map((triplet) => {
    const parts = triplet.split(',');
    if (parts.length !== 3 || parts.some((p) => p === '')) invalid(path, `"${triplet}" is not a sender,identifier,sent triplet`);
    const [sender, identifier, sent] = parts;
    capTime(sent, path);
    return { sender, identifier, sent };
  });
}

/** addresses and incidents: space-delimited, an entry with spaces in double quotes. */
export function quotedList(text: string, path: string): string[] {
  const out: string[] = [];
  const token = /"([^"]*)"|(\S+)/g;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    const value = (m[1] ?? m[2]).trim();
    if (value.includes('"')) invalid(path, `unbalanced quotes in "${text}"`);
    if (value !== '') out.push(value);
  }
  if (out.length === 0) invalid(path, 'must list at least one entry');
  return out;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function decimal(text: string, path: string): number {
  const n = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(n)) invalid(path, `"${text}" is not a decimal number`);
  return n;
}

function point(pair: string, path: string): { lat: number; lon: number } {
  const parts = pair.split(',');
  if (parts.length !== 2) invalid(path, `"${pair}" is not a "lat,lon" coordinate pair`);
  const lat = decimal(parts[0], path);
  const lon = decimal(parts[1], path);
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) invalid(path, `coordinate ${pair} is out of range (WGS 84 latitude -90..90, longitude -180..180)`);
  return { lat, lon };
}

/** "lat,lon lat,lon …": at least four pairs, the first repeated as the last. Output in [lon, lat] order. */
export function polygon(text: string, path: string): CapShape {
  const points = text.split(/\s+/).map((pair) => point(pair, path));
  if (points.length < 4) invalid(path, `polygon has ${points.length} points, at least 4 are required`);
  const first = points[0];
  const last = points[points.length - 1];
  if (first.lat !== last.lat || first.lon !== last.lon)
    invalid(path, `polygon is not closed: first point ${first.lat},${first.lon} differs from last point ${last.lat},${last.lon}`);
  return { kind: 'polygon', rings: [points.map((p) => [p.lon, p.lat] as const)] };
}

/** Half the Earth's circumference: no circle on the globe is larger. */
const MAX_RADIUS_KM = 20_038;

/** "lat,lon radius" with the radius in kilometres; 0 is a point (the standard's earthquake example). */
export function circle(text: string, path: string): CapShape {
  const parts = text.split(/\s+/);
  if (parts.length !== 2) invalid(path, `"${text}" is not a "lat,lon radius" circle`);
  const center = point(parts[0], path);
  const radiusKm = decimal(parts[1], path);
  if (radiusKm < 0 || radiusKm > MAX_RADIUS_KM) invalid(path, `radius ${parts[1]} km is out of range (0..${MAX_RADIUS_KM})`);
  return { kind: 'circle', center, radiusM: radiusKm * 1000 };
}

/** The text if it is an absolute http(s) URL, else null. */
export function httpUrlOrNull(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL, or failure: the renderer may offer it as a link, so no javascript:, file: or data:. */
export function httpUrl(text: string, path: string): string {
  const url = httpUrlOrNull(text);
  if (url === null) invalid(path, `"${text}" is not an absolute http(s) URL`);
  return url;
}

/** RFC 3066 language tag, as <language> requires. */
export function languageTag(text: string, path: string): string {
  if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(text)) invalid(path, `"${text}" is not a language tag (e.g. zh-CN, en-US)`);
  return text;
}
