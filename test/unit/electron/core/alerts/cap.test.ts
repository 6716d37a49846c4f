import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAP_XML_LIMITS, parseCap } from '../../../../../electron/core/alerts/cap';
import { capKey, referencedKeys, worstSeverity, type CapAlert } from '../../../../../shared/domain/cap-types';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/cap');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

function accept(xml: string | Uint8Array): CapAlert {
  const r = parseCap(xml);
  if (!r.ok) throw new Error(`expected acceptance, got: ${r.reason}`);
  return r.alert;
}

function reject(xml: string | Uint8Array): string {
  const r = parseCap(xml);
  if (r.ok) throw new Error(`expected rejection of alert ${r.alert.key}`);
  return r.reason;
}

/** A small valid alert from a local sender, edited by the tests below. */
const BASE = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>QX-2024-0001</identifier>
  <sender>qixiang@example.gov.cn</sender>
  <sent>2024-07-01T08:00:00+08:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Expected</urgency>
    <severity>Moderate</severity>
    <certainty>Likely</certainty>
    <headline>暴雨黄色预警</headline>
    <description>预计未来6小时内降雨量将达50毫米以上。</description>
    <area>
      <areaDesc>城区</areaDesc>
      <circle>31.23,121.47 5.5</circle>
    </area>
  </info>
</alert>`;

const edit = (from: string, to: string): string => {
  if (!BASE.includes(from)) throw new Error(`test bug: "${from}" not in BASE`);
  return BASE.replace(from, to);
};

describe('CAP 1.2 appendix examples', () => {
  it('accepts the Homeland Security advisory with its parameter, resource and described area', () => {
    const a = accept(fixture('cap12-appendix-a1-homeland-security.xml'));
    expect(a).toMatchObject({ identifier: '43b080713727', sender: 'hsas@dhs.gov', status: 'Actual', msgType: 'Alert', scope: 'Public' });
    expect(a.key).toBe(capKey('hsas@dhs.gov', '43b080713727'));
    expect(a.sent).toEqual({ text: '2003-04-02T14:39:01-05:00', ms: Date.UTC(2003, 3, 2, 19, 39, 1) });
    expect(a.infos).toHaveLength(1);
    const info = a.infos[0];
    expect(info).toMatchObject({ language: 'en-US', categories: ['Security'], urgency: 'Immediate', severity: 'Severe', certainty: 'Likely' });
    expect(info.headline).toBe('Homeland Security Sets Code ORANGE');
    expect(info.parameters).toEqual([{ valueName: 'HSAS', value: 'ORANGE' }]);
    expect(info.resources).toEqual([
      { resourceDesc: 'Image file (GIF)', mimeType: 'image/gif', sizeBytes: null, uri: 'http://www.dhs.gov/dhspublic/getAdvisoryImage', digest: null },
    ]);
    expect(info.areas).toEqual([{ areaDesc: 'U.S. nationwide and interests worldwide', shapes: [], geocodes: [], altitudeFt: null, ceilingFt: null }]);
  });

  it('accepts the thunderstorm warning with its polygon in [lon, lat] order and its geocodes', () => {
    const a = accept(fixture('cap12-appendix-a2-thunderstorm.xml'));
    const info = a.infos[0];
    expect(info.responseTypes).toEqual(['Shelter']);
    expect(info.eventCodes).toEqual([{ valueName: 'SAME', value: 'SVR' }]);
    expect(info.expires?.ms).toBe(Date.UTC(2003, 5, 17, 23, 0, 0));
    const area = info.areas[0];
    expect(area.shapes).toEqual([
      { kind: 'polygon', rings: [[[-120.14, 38.47], [-119.95, 38.34], [-119.74, 38.52], [-119.89, 38.62], [-120.14, 38.47]]] },
    ]);
    expect(area.geocodes.map((g) => g.value)).toEqual(['006109', '006009', '006003']);
    expect(worstSeverity(a)).toBe('Severe');
  });

  it('accepts the earthquake update with its reference to the earlier message and a zero-radius circle', () => {
    const a = accept(fixture('cap12-appendix-a3-earthquake-update.xml'));
    expect(a.msgType).toBe('Update');
    expect(a.references).toEqual([{ sender: 'trinet@caltech.edu', identifier: 'TRI13970876.1', sent: '2003-06-11T20:30:00-07:00' }]);
    expect(referencedKeys(a)).toEqual(['trinet@caltech.edu,TRI13970876.1']);
    expect(a.infos[0].areas[0].shapes).toEqual([{ kind: 'circle', center: { lat: 32.9525, lon: -115.5527 }, radiusM: 0 }]);
    expect(a.infos[0].parameters).toHaveLength(5);
    expect(worstSeverity(a)).toBe('Minor');
  });

  it('accepts the AMBER alert with two info blocks in two languages', () => {
    const a = accept(fixture('cap12-appendix-a4-amber-multilingual.xml'));
    expect(a.source).toBe('SW');
    expect(a.infos.map((i) => i.language)).toEqual(['en-US', 'es-US']);
    expect(a.infos.map((i) => i.event)).toEqual(['Child Abduction', 'Abducción de Niño']);
    expect(a.infos[1].areas[0]).toMatchObject({ areaDesc: 'condado de Los Ángeles', geocodes: [{ valueName: 'SAME', value: '006037' }] });
  });

  it('accepts the same message as a string, with a byte order mark, and under a namespace prefix', () => {
    const xml = fixture('cap12-appendix-a2-thunderstorm.xml').toString('utf8');
    expect(accept(xml).identifier).toBe('KSTO1055887203');
    expect(accept(`\uFEFF${xml}`).identifier).toBe('KSTO1055887203');
    const prefixed = xml.replace(/<(\/?)(\w+)/g, '<$1cap:$2').replace('xmlns =', 'xmlns:cap =');
    expect(accept(prefixed).infos[0].areas[0].shapes[0].kind).toBe('polygon');
  });
});

describe('bad and hostile documents', () => {
  it.each([
    ['invalid-xxe.xml', 'DOCTYPE is not allowed: DTDs and entity declarations are refused (XXE and entity-expansion protection)'],
    ['invalid-billion-laughs.xml', 'DOCTYPE is not allowed: DTDs and entity declarations are refused (XXE and entity-expansion protection)'],
    ['invalid-cap11-namespace.xml', 'alert: CAP 1.1 (namespace urn:oasis:names:tc:emergency:cap:1.1) is not supported; only CAP 1.2 (urn:oasis:names:tc:emergency:cap:1.2)'],
    ['invalid-missing-identifier.xml', 'alert: required element <identifier> is missing'],
    ['invalid-sent-without-timezone.xml', 'alert/sent: "2003-06-17T14:57:00" is not a CAP dateTime with timezone (e.g. 2003-06-17T14:57:00-07:00)'],
    ['invalid-open-polygon.xml', 'alert/info[1]/area[1]/polygon[1]: polygon is not closed: first point 38.47,-120.14 differs from last point 38.5,-120.1'],
    ['invalid-coordinates-out-of-range.xml', 'alert/info[1]/area[1]/polygon[1]: coordinate 38.34,-199.95 is out of range (WGS 84 latitude -90..90, longitude -180..180)'],
  ])('rejects %s', (name, reason) => {
    expect(reject(fixture(name))).toBe(reason);
  });

  it('rejects a 1 MB document by its size before parsing it', () => {
    const filler = `<note>${'x'.repeat(1000)}</note>\n`.repeat(1048);
    const big = edit('<scope>Public</scope>', `<scope>Public</scope>${filler}`);
    expect(big.length).toBeGreaterThan(1_000_000);
    const bytes = Buffer.byteLength(big);
    expect(reject(big)).toBe(`document is ${bytes} bytes, over the ${CAP_XML_LIMITS.maxBytes}-byte limit`);
    expect(reject(Buffer.from(big))).toBe(`document is ${bytes} bytes, over the 262144-byte limit`);
  });

  it('rejects entity references without a DOCTYPE, other markup declarations and processing instructions', () => {
    expect(reject(edit('QX-2024-0001', '&xxe;'))).toBe(
      'undefined entity reference "&xxe;" in the text of <identifier>: only &lt; &gt; &amp; &apos; &quot; and numeric references are allowed',
    );
    expect(reject(edit('暴雨</event>', '&nbsp;</event>'))).toMatch(/^undefined entity reference "&nbsp;"/);
    expect(reject(edit('<scope>', '<!ENTITY x "y"><scope>'))).toBe('ENTITY declarations are not allowed (XXE and entity-expansion protection)');
    expect(reject(edit('<alert', '<?xml-stylesheet href="x.xsl"?><alert'))).toBe('processing instruction <?xml-stylesheet> is not allowed');
    expect(reject(edit('encoding="UTF-8"', 'encoding="GB2312"'))).toBe('declared encoding "GB2312" is not supported; only UTF-8');
    expect(reject(edit('<alert', '<?xml version="1.0"?><alert'))).toBe('XML declaration is only allowed at the very start of the document');
    expect(reject(edit('QX-2024-0001', 'QX&#0;'))).toBe('character reference "&#0;" in the text of <identifier> is not a legal XML character');
    // Comments are harmless, before or after the root.
    expect(accept(`${BASE}\n<!-- trailing -->\n`).identifier).toBe('QX-2024-0001');
  });

  it('names an unknown root namespace as it is, even one shaped like an object key', () => {
    expect(reject(BASE.replace('urn:oasis:names:tc:emergency:cap:1.2', 'constructor'))).toBe(
      'alert: unknown namespace "constructor"; expected urn:oasis:names:tc:emergency:cap:1.2',
    );
  });

  it('rejects malformed XML that a lenient parser would accept', () => {
    expect(reject(edit('</scope>', '</scop>'))).toBe('mismatched end tag </scop>, expected </scope>');
    expect(reject(`${BASE}<alert/>`)).toBe('more than one root element');
    expect(reject(BASE.replace('</alert>', ''))).toBe('document ends inside <alert> (unclosed element)');
    expect(reject(edit('<scope>', '<scope a="1" a="2">'))).toBe('duplicate attribute "a" in <scope>');
    expect(reject(`${BASE} trailing`)).toBe('text after the root element');
  });

  it('rejects invalid UTF-8, UTF-16 and control characters', () => {
    const bytes = Buffer.from(BASE);
    const broken = Buffer.concat([bytes.subarray(0, 100), Buffer.from([0xc3, 0x28]), bytes.subarray(100)]);
    expect(reject(broken)).toBe('document is not valid UTF-8');
    expect(reject(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')]))).toBe('document is UTF-16; only UTF-8 is accepted');
    expect(reject(edit('暴雨</event>', '暴\u0001雨</event>'))).toMatch(/^document contains control character U\+0001, not allowed in XML/);
  });

  it('caps nesting depth and element count', () => {
    const deep = edit('</scope>', `</scope><x:x xmlns:x="urn:x">${'<x:x>'.repeat(20)}${'</x:x>'.repeat(21)}`);
    expect(reject(deep)).toBe(`elements nested deeper than ${CAP_XML_LIMITS.maxDepth} levels`);
    const many = edit('</scope>', `</scope><x:x xmlns:x="urn:x">${'<x:y/>'.repeat(CAP_XML_LIMITS.maxElements)}</x:x>`);
    expect(reject(many)).toBe(`more than ${CAP_XML_LIMITS.maxElements} elements`);
  });

  it('rejects a text over its element limit instead of storing it', () => {
    expect(reject(edit('预计未来', 'a'.repeat(9000)))).toMatch(/^alert\/info\[1\]\/description: text is \d+ bytes, over the 8192-byte limit$/);
  });
});

describe('CAP 1.2 field rules', () => {
  it('reads a local alert: defaults, decoded references and CDATA, km radius in metres', () => {
    const a = accept(edit('<headline>暴雨黄色预警</headline>', '<headline>&#26292;&#x96E8; &amp; 大风 <![CDATA[<黄色> &amp;]]></headline>'));
    expect(a.sent.ms).toBe(Date.UTC(2024, 6, 1, 0, 0, 0));
    expect(a.infos[0].headline).toBe('暴雨 & 大风 <黄色> &amp;');
    expect(a.infos[0].areas[0].shapes).toEqual([{ kind: 'circle', center: { lat: 31.23, lon: 121.47 }, radiusM: 5500 }]);
    expect(accept(edit('<language>zh-CN</language>', '')).infos[0].language).toBe('en-US');
  });

  it('checks the scope conditions and parses addresses, codes and incidents', () => {
    expect(reject(edit('<scope>Public</scope>', '<scope>Restricted</scope>'))).toBe('alert: scope is Restricted but <restriction> is missing');
    expect(reject(edit('<scope>Public</scope>', '<scope>Private</scope>'))).toBe('alert: scope is Private but <addresses> is missing');
    const a = accept(
      edit('<scope>Public</scope>', '<scope>Private</scope><addresses>duty@example.cn "Command Hall 1"</addresses><code>QX</code><code>DEMO</code><incidents>INC-1 INC-2</incidents>'),
    );
    expect(a).toMatchObject({ scope: 'Private', addresses: ['duty@example.cn', 'Command Hall 1'], codes: ['QX', 'DEMO'], incidents: ['INC-1', 'INC-2'] });
  });

  it('parses several references and refuses a malformed one', () => {
    const refs = '<references>a@x,ID-1,2024-07-01T07:00:00+08:00 a@x,ID-2,2024-07-01T07:30:00+08:00</references>';
    const a = accept(edit('<msgType>Alert</msgType>', `<msgType>Cancel</msgType>${refs}`));
    expect(referencedKeys(a)).toEqual(['a@x,ID-1', 'a@x,ID-2']);
    expect(reject(edit('<scope>', '<references>a@x,ID-1</references><scope>'))).toBe('alert/references: "a@x,ID-1" is not a sender,identifier,sent triplet');
  });

  it('rejects bad enumerations, dates, identifiers and repeated single elements', () => {
    expect(reject(edit('<status>Actual</status>', '<status>actual</status>'))).toBe('alert/status: "actual" is not one of Actual, Exercise, System, Test, Draft');
    expect(reject(edit('<category>Met</category>', '<category>Weather</category>'))).toMatch(/^alert\/info\[1\]\/category\[1\]: "Weather" is not one of Geo, Met/);
    expect(reject(edit('<category>Met</category>', ''))).toBe('alert/info[1]: required element <category> is missing');
    expect(reject(edit('2024-07-01T08:00:00+08:00', '2024-02-30T08:00:00+08:00'))).toBe('alert/sent: "2024-02-30T08:00:00+08:00" is not a valid date and time');
    expect(reject(edit('QX-2024-0001', 'QX 2024'))).toBe('alert/identifier: "QX 2024" must not contain spaces, commas, "<" or "&"');
    expect(reject(edit('<status>', '<status>Test</status><status>'))).toBe('alert/status: appears 2 times, at most once allowed');
    expect(reject(edit('<identifier>QX-2024-0001</identifier>', '<identifier> </identifier>'))).toBe('alert/identifier: must not be empty');
  });

  it('tolerates the legacy "Very Likely" and a "Z" timezone, both unambiguous', () => {
    expect(accept(edit('<certainty>Likely</certainty>', '<certainty>Very Likely</certainty>')).infos[0].certainty).toBe('Likely');
    expect(accept(edit('2024-07-01T08:00:00+08:00', '2024-07-01T00:00:00Z')).sent.ms).toBe(Date.UTC(2024, 6, 1));
  });

  it('checks area shapes, altitude and ceiling', () => {
    expect(reject(edit('5.5</circle>', '-1</circle>'))).toBe('alert/info[1]/area[1]/circle[1]: radius -1 km is out of range (0..20038)');
    expect(reject(edit('<circle>', '<polygon>31,121 31.1,121 31,121</polygon><circle>'))).toBe(
      'alert/info[1]/area[1]/polygon[1]: polygon has 3 points, at least 4 are required',
    );
    expect(reject(edit('<circle>', '<ceiling>100</ceiling><circle>'))).toBe('alert/info[1]/area[1]: <ceiling> is given without <altitude>');
    expect(accept(edit('<circle>', '<altitude>0</altitude><ceiling>1500</ceiling><circle>')).infos[0].areas[0]).toMatchObject({ altitudeFt: 0, ceilingFt: 1500 });
    expect(reject(edit('<areaDesc>城区</areaDesc>', ''))).toBe('alert/info[1]/area[1]: required element <areaDesc> is missing');
  });

  it('keeps only http(s) links', () => {
    expect(reject(edit('<area>', '<web>javascript:alert(1)</web><area>'))).toBe('alert/info[1]/web: "javascript:alert(1)" is not an absolute http(s) URL');
    expect(accept(edit('<area>', '<web>https://example.gov.cn/warn/1</web><area>')).infos[0].web).toBe('https://example.gov.cn/warn/1');
  });

  it('rejects unknown CAP elements and un-namespaced ones, but skips other namespaces such as a signature', () => {
    expect(reject(edit('<scope>', '<priority>1</priority><scope>'))).toBe('alert: unknown CAP element <priority>');
    expect(reject(edit('<info>', '<x:info xmlns:x="urn:x"/><info xmlns="">'))).toBe('alert: element <info> is not in the CAP 1.2 namespace');
    expect(reject(edit('<info>', '<info xmlns="urn:oasis:names:tc:emergency:cap:1.1">'))).toBe('alert: element <info> is in the CAP 1.1 namespace, not CAP 1.2');
    const signed = edit('</info>', '</info><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>');
    expect(accept(signed).infos).toHaveLength(1);
    expect(reject(BASE.replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', ''))).toBe(
      'alert: missing namespace: a CAP 1.2 alert must declare xmlns="urn:oasis:names:tc:emergency:cap:1.2"',
    );
    expect(reject(edit('<alert xmlns', '<cap:alert xmlns').replace('</alert>', '</cap:alert>'))).toBe('undeclared namespace prefix "cap" on <cap:alert>');
  });

  it('finds the worst severity over info blocks, none without info', () => {
    const two = edit('</info>', '</info><info><category>Met</category><event>大风</event><urgency>Future</urgency><severity>Extreme</severity><certainty>Possible</certainty></info>');
    expect(worstSeverity(accept(two))).toBe('Extreme');
    expect(worstSeverity(accept(BASE.replace(/<info>[\s\S]*<\/info>/, '')))).toBeNull();
  });
});
