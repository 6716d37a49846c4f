/**
 * Open311 GeoReport v2 answers in either of the standard's formats, chosen by the path's
 * extension: JSON (an array) or XML (a root element holding one element per item, e.g.
 * <service_requests><request>…</request></service_requests>; null fields are empty elements).
 * fast-xml-builder writes the XML and escapes the text.
 */
import type { ServerResponse } from 'node:http';
import XmlBuilder from 'fast-xml-builder';

export type Open311Format = 'json' | 'xml';

/** The standard's element names for each kind of answer. */
export const COLLECTIONS = {
  services: { root: 'services', item: 'service' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
} as const;

export type Open311Collection = keyof typeof COLLECTIONS;

const builder = new XmlBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

export function toOpen311Xml(items: readonly Record<string, unknown>[], collection: Open311Collection): string {
  const { root, item } = COLLECTIONS[collection];
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: { [item]: items } });
}

export function replyOpen311(res: ServerResponse, status: number, items: readonly Record<string, unknown>[], format: Open311Format, collection: Open311Collection): void {
  const type = format === 'xml' ? 'application/xml' : 'application/json';
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(format === 'xml' ? toOpen311Xml(items, collection) : JSON.stringify(items));
}
