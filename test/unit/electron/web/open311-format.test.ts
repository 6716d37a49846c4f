/** Open311 answers in XML: the standard's element names, text escaped, nulls as empty elements. */
import { describe, expect, it } from 'vitest';
import { parseXmlTree, type XElement } from '../../../../electron/core/alerts/xml-tree';
import { toOpen311Xml } from '../../../../electron/web/open311-format';

const child = (e: XElement, name: string): XElement | undefined => e.children.find((c) => c.name === name);

describe('Open311 XML', () => {
  it('writes one element per item under the collection, reading back as written', () => {
    const xml = toOpen311Xml(
      [
        { service_request_id: '42', service_notice: '受理时限 <12 h> & "4 天"', account_id: null, lat: 31.13 },
        { service_request_id: '43', service_notice: '', account_id: null, lat: 31.2 },
      ],
      'requests',
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const root = parseXmlTree(xml, 8);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request', 'request']);
    const first = root.children[0];
    expect(child(first, 'service_notice')?.text).toBe('受理时限 <12 h> & "4 天"');
    expect(child(first, 'account_id')?.text).toBe('');
    expect(child(first, 'lat')?.text).toBe('31.13');
  });

  it('names services and errors as GeoReport does', () => {
    expect(parseXmlTree(toOpen311Xml([{ service_code: 'a' }], 'services'), 8).children[0].name).toBe('service');
    const errors = parseXmlTree(toOpen311Xml([{ code: 403, description: 'missing or wrong api_key' }], 'errors'), 8);
    expect(errors.name).toBe('errors');
    expect(child(errors.children[0], 'code')?.text).toBe('403');
  });
});
