/**
 * The gate in front of the XML parser. CAP arrives from outside (MQTT, file import), and XML
 * parsers have a long record of entity expansion (XXE, "billion laughs") and of lenient parsing, so
 * this pass decides on the raw text, before any tree is built, that the document is:
 *   - small (a byte limit) and valid UTF-8 / Unicode with only XML-legal characters,
 *   - free of DTDs, entity declarations and processing instructions (the XML declaration aside),
 *   - using only the five predefined entities and numeric character references,
 *   - well formed: one root, balanced and matching tags, unique attributes (fast-xml-parser accepts
 *     mismatched end tags and several roots, so this check cannot be left to it),
 *   - within a nesting depth and element count.
 * Only a document that passes is handed to the parser, with entity processing turned off there;
 * decodeXmlText() then resolves the references this pass has already vetted.
 */

export interface XmlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxElements: number;
}

export type GuardResult = { ok: true; text: string } | { ok: false; reason: string };

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*/y;
const ENTITY_REF = /&(?:lt|gt|amp|apos|quot|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const ENTITY_ANY = /&(?:lt|gt|amp|apos|quot|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const XML_DECL =
  /^<\?xml\s+version\s*=\s*(["'])([^"']*)\1(?:\s+encoding\s*=\s*(["'])([^"']*)\3)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\5)?\s*\?>/;
// Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PREDEFINED: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };
const ATTR_VALUE_END = { '"': '"', "'": "'" } as const;

class GuardError extends Error {}

function fail(reason: string): never {
  throw new GuardError(reason);
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Size, encoding and character checks; returns the text without a byte order mark. */
function decodeInput(input: string | Uint8Array, maxBytes: number): string {
  let text: string;
  if (typeof input === 'string') {
    // Counted without encoding a copy, so an oversized string costs one pass and no memory.
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > maxBytes) fail(`document is ${bytes} bytes, over the ${maxBytes}-byte limit`);
    if (LONE_SURROGATE.test(input)) fail('document is not valid Unicode (lone surrogate)');
    text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  } else {
    if (input.byteLength > maxBytes) fail(`document is ${input.byteLength} bytes, over the ${maxBytes}-byte limit`);
    if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) fail('document is UTF-16; only UTF-8 is accepted');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input); // drops a UTF-8 BOM
    } catch {
      fail('document is not valid UTF-8');
    }
  }
  const bad = ILLEGAL_CHAR.exec(text);
  if (bad) fail(`document contains control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}, not allowed in XML (at offset ${bad.index})`);
  return text;
}

/** Every '&' in text or an attribute value must start a vetted reference: no named entity beyond XML's five. */
function checkReferences(s: string, where: string): void {
  let i = s.indexOf('&');
  while (i !== -1) {
    ENTITY_REF.lastIndex = i;
    const m = ENTITY_REF.exec(s);
    if (!m) {
      const shown = /^&[^\s;<&]{0,32};?/.exec(s.slice(i))?.[0] ?? '&';
      fail(`undefined entity reference "${shown}" in ${where}: only &lt; &gt; &amp; &apos; &quot; and numeric references are allowed`);
    }
    const cp = m[1] !== undefined ? Number.parseInt(m[1], 10) : m[2] !== undefined ? Number.parseInt(m[2], 16) : 0x20;
    if (!isXmlChar(cp)) fail(`character reference "${m[0]}" in ${where} is not a legal XML character`);
    i = s.indexOf('&', i + m[0].length);
  }
}

function checkDeclaration(text: string): number {
  if (!/^<\?xml[\s?]/.test(text)) return 0;
  const m = XML_DECL.exec(text);
  if (!m) fail('malformed XML declaration');
  if (m[2] !== '1.0') fail(`XML version "${m[2]}" is not supported; only 1.0`);
  if (m[4] !== undefined && m[4].toUpperCase() !== 'UTF-8') fail(`declared encoding "${m[4]}" is not supported; only UTF-8`);
  return m[0].length;
}

/** Scans a start tag from `<` at `at`; returns its name, where it ends and whether it closes itself. */
function scanStartTag(text: string, at: number): { name: string; end: number; empty: boolean } {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) fail(`malformed tag at offset ${at}`);
  const seen = new Set<string>();
  let i = at + 1 + name.length;
  for (;;) {
    const ws = /\s*/y;
    ws.lastIndex = i;
    const hadSpace = (ws.exec(text)?.[0].length ?? 0) > 0;
    i = ws.lastIndex;
    if (text.startsWith('/>', i)) return { name, end: i + 2, empty: true };
    if (text[i] === '>') return { name, end: i + 1, empty: false };
    NAME.lastIndex = i;
    const attr = NAME.exec(text)?.[0];
    if (attr === undefined || !hadSpace) fail(`malformed attribute in <${name}> at offset ${i}`);
    if (seen.has(attr)) fail(`duplicate attribute "${attr}" in <${name}>`);
    seen.add(attr);
    const eq = /\s*=\s*(["'])/y;
    eq.lastIndex = i + attr.length;
    const q = eq.exec(text)?.[1];
    if (q !== '"' && q !== "'") fail(`attribute "${attr}" in <${name}> has no quoted value`);
    const close = text.indexOf(ATTR_VALUE_END[q], eq.lastIndex);
    if (close === -1) fail(`unterminated value of attribute "${attr}" in <${name}>`);
    const value = text.slice(eq.lastIndex, close);
    if (value.includes('<')) fail(`"<" in the value of attribute "${attr}" in <${name}>`);
    checkReferences(value, `attribute "${attr}" of <${name}>`);
    i = close + 1;
  }
}

function scan(text: string, limits: XmlLimits): void {
  const stack: string[] = [];
  let elements = 0;
  let sawRoot = false;
  let i = checkDeclaration(text);
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (stack.length === 0) {
      if (chunk.trim() !== '') fail(sawRoot ? 'text after the root element' : 'text before the root element');
    } else {
      if (chunk.includes(']]>')) fail('"]]>" outside a CDATA section');
      checkReferences(chunk, `the text of <${stack[stack.length - 1]}>`);
    }
    if (lt === -1) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) fail('unterminated comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA section outside the root element');
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) fail('unterminated CDATA section');
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      fail('DOCTYPE is not allowed: DTDs and entity declarations are refused (XXE and entity-expansion protection)');
    } else if (text.startsWith('<!ENTITY', i)) {
      fail('ENTITY declarations are not allowed (XXE and entity-expansion protection)');
    } else if (text.startsWith('<!', i)) {
      fail(`markup declaration "${text.slice(i, i + 12)}…" is not allowed`);
    } else if (text.startsWith('<?', i)) {
      const target = /^<\?([^\s?]*)/.exec(text.slice(i, i + 40))?.[1] ?? '';
      if (target.toLowerCase() === 'xml') fail('XML declaration is only allowed at the very start of the document');
      fail(`processing instruction <?${target}> is not allowed`);
    } else if (text.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(text)?.[0];
      const close = /\s*>/y;
      close.lastIndex = i + 2 + (name?.length ?? 0);
      if (name === undefined || !close.test(text)) fail(`malformed end tag at offset ${i}`);
      const open = stack.pop();
      if (open === undefined) fail(`end tag </${name}> without a start tag`);
      if (open !== name) fail(`mismatched end tag </${name}>, expected </${open}>`);
      i = close.lastIndex;
    } else {
      if (stack.length === 0 && sawRoot) fail('more than one root element');
      const tag = scanStartTag(text, i);
      sawRoot = true;
      if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`);
      if (stack.length + 1 > limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth} levels`);
      if (!tag.empty) stack.push(tag.name);
      i = tag.end;
    }
  }
  const open = stack.pop();
  if (open !== undefined) fail(`document ends inside <${open}> (unclosed element)`);
  if (!sawRoot) fail('no root element');
}

/** Runs every pre-parse check; on success returns the decoded text for the parser. */
export function guardXml(input: string | Uint8Array, limits: XmlLimits): GuardResult {
  try {
    const text = decodeInput(input, limits.maxBytes);
    scan(text, limits);
    return { ok: true, text };
  } catch (e) {
    if (e instanceof GuardError) return { ok: false, reason: e.message };
    throw e;
  }
}

/** Resolves the references guardXml() allowed in text and attribute values (never CDATA). */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY_ANY, (ref: string, dec: string | undefined, hex: string | undefined) => {
    if (dec !== undefined) return String.fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    return PREDEFINED[ref] ?? ref;
  });
}
