/**
 * CSV export of cases, headers and labels in zh-CN or English. UTF-8 with a byte-order mark (so
 * spreadsheet programs read Chinese correctly), RFC 4180 quoting, and a leading apostrophe on
 * cells that a spreadsheet would run as a formula (= + - @). Contacts only for roles with `personal`.
 */
import type { CaseCatalog } from '../../../shared/cases/catalog.js';
import type { CaseRow } from './queries.js';

type Lang = 'zh-CN' | 'en';

const COLUMNS: readonly { key: string; zh: string; en: string; personal?: boolean }[] = [
  { key: 'number', zh: '编号', en: 'Number' },
  { key: 'channel', zh: '渠道', en: 'Channel' },
  { key: 'category', zh: '类别', en: 'Category' },
  { key: 'urgency', zh: '紧急程度', en: 'Urgency' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'received', zh: '接收时间', en: 'Received' },
  { key: 'district', zh: '区', en: 'District' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'lat', zh: '纬度', en: 'Latitude' },
  { key: 'lon', zh: '经度', en: 'Longitude' },
  { key: 'body', zh: '承办单位', en: 'Handling body' },
  { key: 'accepted', zh: '受理时间', en: 'Accepted' },
  { key: 'completed', zh: '办结时间', en: 'Completed' },
  { key: 'closed', zh: '结案时间', en: 'Closed' },
  { key: 'outcome', zh: '办理结果', en: 'Outcome' },
  { key: 'feedback', zh: '群众评价', en: 'Feedback' },
  { key: 'breached', zh: '是否超时', en: 'SLA breached' },
  { key: 'description', zh: '诉求内容', en: 'Description' },
  { key: 'reporter', zh: '反映人', en: 'Reporter', personal: true },
  { key: 'phone', zh: '联系电话', en: 'Phone', personal: true },
];

const ZH: Record<string, string> = {
  app: '移动端', hotline: '热线终端', station: '社区工作站', phone: '电话', walk_in: '来访', open311: 'Open311',
  received: '已接收', assigned: '已分派', accepted: '已受理', in_progress: '办理中', resolved: '已化解', not_resolved: '未化解',
  closed: '已结案', merged: '已合并', converted: '已转警情', low: '低', normal: '一般', high: '高', urgent: '紧急',
  satisfied: '满意', dissatisfied: '不满意', none: '未评价',
};

/** A timestamp as China local time, "2026-11-29 15:04". */
export function chinaTime(t: number | null): string {
  if (t === null) return '';
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function casesCsv(rows: readonly CaseRow[], catalog: CaseCatalog, lang: Lang, personal: boolean): string {
  const cols = COLUMNS.filter((c) => personal || !c.personal);
  const word = (code: string | null): string => (code === null ? '' : lang === 'zh-CN' ? (ZH[code] ?? code) : code);
  const name = (n: { zh: string; en: string } | undefined, fallback: string | null): string => (n ? (lang === 'zh-CN' ? n.zh : n.en) : (fallback ?? ''));
  const lines = [cols.map((c) => csvCell(lang === 'zh-CN' ? c.zh : c.en)).join(',')];
  for (const r of rows) {
    const values: Record<string, string | number | null> = {
      number: r.number,
      channel: word(r.channel),
      category: name(catalog.category.get(r.category), r.category),
      urgency: word(r.urgency),
      status: word(r.status),
      received: chinaTime(r.received_at),
      district: name(catalog.districts.find((d) => d.id === r.district), r.district),
      address: r.address,
      lat: r.lat,
      lon: r.lon,
      body: name(r.body_id ? catalog.body.get(r.body_id) : undefined, r.body_id),
      accepted: chinaTime(r.first_accepted_at),
      completed: chinaTime(r.completed_at),
      closed: chinaTime(r.closed_at),
      outcome: word(r.outcome),
      feedback: word(r.feedback),
      breached: r.accept_breached || r.complete_breached ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no',
      description: r.description,
      reporter: r.reporter_name,
      phone: r.phone,
    };
    lines.push(cols.map((c) => csvCell(values[c.key] ?? null)).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
