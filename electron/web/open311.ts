/**
 * Open311 GeoReport v2 on the web host, so citizen-reporting apps and the city's hotline platform
 * can file and follow cases; every path in either format, by its extension (.json or .xml):
 *
 *   GET  /open311/v2/services.json?api_key=…                 the case categories as services
 *   POST /open311/v2/requests.json                           form-encoded (or JSON): api_key, service_code, lat and long
 *                                                            or an address_string alone (located with the map's names),
 *                                                            description, first_name, last_name, phone, email
 *   GET  /open311/v2/requests.json?api_key=…&service_request_id=&service_code=&start_date=&end_date=&status=
 *   GET  /open311/v2/requests/{service_request_id}.json?api_key=…
 *
 * Every call needs one of the configured keys (`--open311-key`, $QX_OPEN311_KEYS) as `api_key`;
 * without configured keys the interface is off (403). service_request_id is the case number.
 * Errors are GeoReport's `[{"code": 400, "description": "…"}]`. Contacts are never returned.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError } from '../../shared/api.js';
import { OPEN_CASE_STATUSES } from '../../shared/cases/model.js';
import { locateAddress, type Place } from '../../shared/domain/places.js';
import { describeZodError, parseJsonStrict } from '../../shared/schemas/common.js';
import type { Core } from '../core/core.js';
import type { CaseRow } from '../core/cases/queries.js';
import { tokenMatches } from './auth.js';
import { replyOpen311, type Open311Format } from './open311-format.js';
import { readRaw } from './rest.js';

const MAX_BODY = 64 * 1024;
const CHINA = 8 * 3_600_000;

/** ISO 8601 with the +08:00 offset, as GeoReport wants a time zone on every time. */
export function isoChina(t: number | null): string | null {
  return t === null ? null : `${new Date(t + CHINA).toISOString().slice(0, 19)}+08:00`;
}

const numberish = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be a number').transform(Number)]);
const postSchema = z.object({
  api_key: z.string().min(1),
  service_code: z.string().min(1).max(64),
  lat: numberish.pipe(z.number().min(-90).max(90)).optional(),
  long: numberish.pipe(z.number().min(-180).max(180)).optional(),
  description: z.string().trim().min(1, 'a description is required').max(4000),
  address_string: z.string().trim().max(200).optional(),
  first_name: z.string().trim().max(50).optional(),
  last_name: z.string().trim().max(50).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  media_url: z.string().max(2000).optional(),
  jurisdiction_id: z.string().max(200).optional(),
});

const fail = (res: ServerResponse, status: number, description: string, format: Open311Format): void =>
  replyOpen311(res, status, [{ code: status, description }], format, 'errors');

async function readForm(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readRaw(req, MAX_BODY);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ApiError('bad_request', 'body is not valid UTF-8');
  }
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const v = parseJsonStrict(text);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
      return v as Record<string, unknown>;
    } catch (e) {
      throw new ApiError('bad_request', `body is not valid JSON: ${(e as Error).message}`);
    }
  }
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of new URLSearchParams(text)) if (!['__proto__', 'constructor', 'prototype'].includes(k)) out[k] = v;
  return out;
}

export function open311Request(core: Core, r: CaseRow): Record<string, unknown> {
  const cases = core.cases;
  const view = cases.queries.view(r, false);
  const cat = cases.catalog.category.get(r.category);
  const body = r.body_id ? cases.catalog.body.get(r.body_id) : undefined;
  const open = OPEN_CASE_STATUSES.includes(r.status);
  return {
    service_request_id: String(r.number),
    status: open ? 'open' : 'closed',
    status_notes: r.status,
    service_name: cat ? `${cat.zh} ${cat.en}` : r.category,
    service_code: r.category,
    description: r.description,
    agency_responsible: body ? body.zh : null,
    service_notice: `受理时限 accept within ${view.sla.accept.budgetMs / 3_600_000} h; 办结时限 complete within ${view.sla.complete.budgetMs / 3_600_000} h`,
    requested_datetime: isoChina(r.received_at),
    updated_datetime: isoChina(r.updated_at),
    expected_datetime: open ? isoChina(view.sla.complete.dueAt) : null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: null,
  };
}

/**
 * Where a request is: its lat and long, or (GeoReport lets a client send either) the place its
 * address_string names, from the map's gazetteer. Neither: 400 with what to send.
 */
function locate(places: readonly Place[], p: { lat?: number; long?: number; address_string?: string }): { lat: number; lon: number } {
  if (p.lat !== undefined && p.long !== undefined) return { lat: p.lat, lon: p.long };
  if (p.lat !== undefined || p.long !== undefined) throw new ApiError('bad_request', 'lat and long: send both, or neither and an address_string');
  if (!p.address_string) throw new ApiError('bad_request', 'location: send lat and long, or an address_string');
  const at = locateAddress(places, p.address_string);
  if (!at) throw new ApiError('bad_request', `address_string: "${p.address_string}" names no place this console knows; send lat and long`);
  return at;
}

/** Handles /open311/v2/…; returns false for other paths. */
export async function handleOpen311(core: Core, req: IncomingMessage, res: ServerResponse, keys: readonly string[]): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://host');
  const path = url.pathname;
  if (!path.startsWith('/open311/')) return false;
  const source = `open311 ${req.method ?? ''} ${path}`;
  // The format is the path's extension, as GeoReport has it; anything else is answered in JSON.
  const ext = /^(\/open311\/.*)\.(json|xml)$/.exec(path);
  const format: Open311Format = ext?.[2] === 'xml' ? 'xml' : 'json';
  const route = ext ? ext[1] : path;
  try {
    const form = req.method === 'POST' ? await readForm(req) : Object.fromEntries(url.searchParams);
    const key = typeof form.api_key === 'string' ? form.api_key : (url.searchParams.get('api_key') ?? '');
    if (!keys.some((k) => tokenMatches(k, key))) {
      core.diagnostics.reject('open311', source, 'missing or wrong api_key');
      fail(res, 403, keys.length ? 'missing or wrong api_key' : 'the Open311 interface is off: no api keys are configured', format);
      return true;
    }
    const cases = core.cases;
    if (ext && route === '/open311/v2/services' && req.method === 'GET') {
      const services = cases.catalog.categories.map((c) => ({
        service_code: c.id,
        service_name: `${c.zh} ${c.en}`,
        description: c.en,
        metadata: false,
        type: 'realtime',
        keywords: c.id.split(/[._]/).join(','),
        group: c.parent ? (cases.catalog.category.get(c.parent)?.zh ?? c.parent) : c.zh,
      }));
      replyOpen311(res, 200, services, format, 'services');
    } else if (ext && route === '/open311/v2/requests' && req.method === 'POST') {
      const p = postSchema.safeParse(form);
      if (!p.success) throw new ApiError('bad_request', describeZodError(p.error));
      if (!cases.catalog.category.has(p.data.service_code)) throw new ApiError('bad_request', `service_code: unknown service "${p.data.service_code}"`);
      const at = locate(cases.places, p.data);
      const name = [p.data.last_name, p.data.first_name].filter(Boolean).join('');
      const { id } = cases.desk.receive(
        {
          channel: 'open311',
          sourceRef: null,
          category: p.data.service_code,
          description: p.data.description,
          lat: at.lat,
          lon: at.lon,
          address: p.data.address_string ?? '',
          reporterName: name || null,
          phone: p.data.phone ?? null,
        },
        { actor: `open311@${req.socket.remoteAddress ?? 'unknown'}`, consoleId: core.consoleId },
      );
      const r = cases.queries.row(id);
      core.diagnostics.accept('open311');
      const notice = r ? (open311Request(core, r).service_notice as string) : '';
      replyOpen311(res, 200, [{ service_request_id: String(r?.number ?? ''), service_notice: notice, account_id: null }], format, 'requests');
    } else if (ext && route === '/open311/v2/requests' && req.method === 'GET') {
      replyOpen311(res, 200, listRequests(core, url.searchParams).map((r) => open311Request(core, r)), format, 'requests');
    } else {
      const m = ext ? /^\/open311\/v2\/requests\/(\d{1,9})$/.exec(route) : null;
      if (!m || req.method !== 'GET') {
        fail(res, 404, `no Open311 resource ${req.method ?? ''} ${path} (paths end in .json or .xml)`, format);
        return true;
      }
      const r = cases.queries.byNumber(Number(m[1]));
      if (!r) fail(res, 404, `no service request ${m[1]}`, format);
      else replyOpen311(res, 200, [open311Request(core, r)], format, 'requests');
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    core.diagnostics.reject('open311', source, msg);
    if (e instanceof ApiError && e.code !== 'internal') fail(res, e.code === 'not_found' ? 404 : 400, msg, format);
    else fail(res, 500, 'internal error', format);
  }
  return true;
}

/** GET requests.json: by ids, or by service code, dates (default the last 90 days) and status; at most 1,000. */
function listRequests(core: Core, q: URLSearchParams): CaseRow[] {
  const queries = core.cases.queries;
  const ids = q.get('service_request_id');
  if (ids) return ids.split(',').flatMap((s) => (/^\d{1,9}$/.test(s.trim()) ? [queries.byNumber(Number(s.trim()))] : [])).filter((r): r is CaseRow => r !== undefined);
  const date = (name: string): number | undefined => {
    const v = q.get(name);
    if (!v) return undefined;
    const t = Date.parse(v);
    if (!Number.isFinite(t)) throw new ApiError('bad_request', `${name}: not an ISO 8601 date-time: "${v}"`);
    return t;
  };
  const to = date('end_date') ?? core.store.now() + 1;
  const from = date('start_date') ?? to - 90 * 86_400_000;
  const statuses = (q.get('status') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of statuses) if (s !== 'open' && s !== 'closed') throw new ApiError('bad_request', `status: must be open or closed, not "${s}"`);
  const code = q.get('service_code') ?? undefined;
  return queries
    .exportRows({ from, to, category: code })
    .filter((r) => statuses.length === 0 || statuses.includes(OPEN_CASE_STATUSES.includes(r.status) ? 'open' : 'closed'))
    .reverse()
    .slice(0, 1000);
}
