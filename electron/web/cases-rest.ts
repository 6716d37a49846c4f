/**
 * REST routes of the case desk (under the console token):
 *   GET /api/cases?status=&body=&district=&category=&from=&to=&q=&limit=&offset=   → {cases, total}
 *   GET /api/cases/kpi?from=&to=&district=&body=                                  → KpiReport
 *   GET /api/cases/kpi/cases?figure=&from=&to=&district=&body=                    → {ids, total, cases}
 *   GET /api/cases/export.csv?lang=zh-CN|en&…list filters                          → text/csv
 *   GET /api/cases/{id}                                                            → CaseDetail
 * Times are epoch ms or ISO 8601; every value is checked by the API's own schemas.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ApiName, type CallContext } from '../../shared/api.js';
import type { Core } from '../core/core.js';
import { sendError, sendJson } from './rest.js';

/** A query time: epoch ms or an ISO 8601 date / date-time. */
function time(v: string | null, name: string): number | undefined {
  if (v === null || v === '') return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(n)) throw new ApiError('bad_request', `${name}: not a time (epoch ms or ISO 8601): "${v}"`);
  return n;
}

function int(v: string | null, name: string): number | undefined {
  if (v === null || v === '') return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new ApiError('bad_request', `${name}: not a whole number: "${v}"`);
  return Number(v);
}

const str = (v: string | null): string | undefined => (v === null || v === '' ? undefined : v);

function listFilter(q: URLSearchParams): Record<string, unknown> {
  return {
    status: str(q.get('status')),
    bodyId: str(q.get('body')),
    district: str(q.get('district')),
    category: str(q.get('category')),
    from: time(q.get('from'), 'from'),
    to: time(q.get('to'), 'to'),
    q: str(q.get('q')),
  };
}

function period(q: URLSearchParams): Record<string, unknown> {
  const from = time(q.get('from'), 'from');
  const to = time(q.get('to'), 'to');
  if (from === undefined || to === undefined) throw new ApiError('bad_request', 'from and to are required (epoch ms or ISO 8601)');
  return { from, to, district: str(q.get('district')), bodyId: str(q.get('body')) };
}

/** Handles GET /api/cases… (already authenticated); returns false when the path is not one of these. */
export async function handleCasesRest(core: Core, req: IncomingMessage, res: ServerResponse, path: string, ctx: CallContext): Promise<boolean> {
  if (path !== '/api/cases' && !path.startsWith('/api/cases/')) return false;
  const q = new URL(req.url ?? '/', 'http://host').searchParams;
  // core.call counts its own rejections; only what this file refuses (query syntax) is counted here.
  let counted = false;
  const call = async (name: ApiName, input: unknown): Promise<unknown> => {
    try {
      return await core.call(name, input, ctx, 'rest');
    } catch (e) {
      counted = true;
      throw e;
    }
  };
  try {
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: `method ${req.method ?? ''} not allowed`, code: 'bad_request' });
      return true;
    }
    if (path === '/api/cases') sendJson(res, 200, await call('cases.list', { ...listFilter(q), limit: int(q.get('limit'), 'limit'), offset: int(q.get('offset'), 'offset') }));
    else if (path === '/api/cases/kpi') sendJson(res, 200, await call('cases.kpi', period(q)));
    else if (path === '/api/cases/kpi/cases') sendJson(res, 200, await call('cases.kpiCases', { ...period(q), figure: q.get('figure'), limit: int(q.get('limit'), 'limit') }));
    else if (path === '/api/cases/export.csv') {
      const r = (await call('cases.exportCsv', { ...listFilter(q), lang: q.get('lang') ?? 'zh-CN' })) as { filename: string; csv: string };
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${r.filename}"`, 'Cache-Control': 'no-store' });
      res.end(r.csv);
    } else {
      const m = /^\/api\/cases\/([^/]+)$/.exec(path);
      if (!m) sendJson(res, 404, { error: `no route ${path}`, code: 'not_found' });
      else sendJson(res, 200, await call('cases.get', { caseId: m[1] }));
    }
  } catch (e) {
    if (!counted && e instanceof ApiError && e.code === 'bad_request') core.diagnostics.reject('rest', `${req.method ?? ''} ${path}`, e.message);
    sendError(res, e);
  }
  return true;
}
