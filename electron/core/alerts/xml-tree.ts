/**
 * Builds a small namespace-aware element tree from a document that guardXml() has passed.
 * fast-xml-parser knows nothing of namespaces and keeps "cap:alert" as one name, so prefixes are
 * resolved here against the xmlns declarations in scope: CAP may come with a default namespace
 * (the standard's examples) or a prefix (many feeds), and must be recognised by its URI either way.
 */
import { XMLParser } from 'fast-xml-parser';
import { decodeXmlText } from './xml-guard.js';

export interface XElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI; null when the element is in no namespace. */
  readonly ns: string | null;
  readonly children: readonly XElement[];
  /** The element's own character data (text and CDATA), untrimmed; entities resolved. */
  readonly text: string;
}

export class XmlTreeError extends Error {}

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRS = ':@';
const ATTR_PREFIX = '@_';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function makeParser(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR_PREFIX,
    // Values stay strings: CAP identifiers such as "006109" must not become numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    // Trimmed per chunk, text around a comment or CDATA would lose its spaces; CAP fields are trimmed after joining.
    trimValues: false,
    // CDATA kept apart so its content is never entity-decoded.
    cdataPropName: CDATA,
    // Entities are resolved by decodeXmlText() after guardXml() vetted them: the parser never
    // expands anything, whatever its defaults become in a later version.
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    allowBooleanAttributes: false,
    maxNestedTags: maxDepth + 1,
  });
}

function readScope(attrs: unknown, parent: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (!isRecord(attrs)) return parent;
  let scope: Map<string, string> | null = null;
  for (const [key, raw] of Object.entries(attrs)) {
    if (typeof raw !== 'string') continue;
    const attr = key.slice(ATTR_PREFIX.length);
    const prefix = attr === 'xmlns' ? '' : attr.startsWith('xmlns:') ? attr.slice('xmlns:'.length) : null;
    if (prefix === null) continue;
    scope ??= new Map(parent);
    scope.set(prefix, decodeXmlText(raw));
  }
  return scope ?? parent;
}

function build(qname: string, content: unknown, attrs: unknown, parentScope: ReadonlyMap<string, string>): XElement {
  const scope = readScope(attrs, parentScope);
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const uri = scope.get(prefix);
  if (prefix !== '' && uri === undefined) throw new XmlTreeError(`undeclared namespace prefix "${prefix}" on <${qname}>`);
  const children: XElement[] = [];
  let text = '';
  for (const node of Array.isArray(content) ? (content as unknown[]) : []) {
    if (!isRecord(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === ATTRS) continue;
      if (key === TEXT) {
        if (typeof value === 'string') text += decodeXmlText(value);
      } else if (key === CDATA) {
        for (const part of Array.isArray(value) ? (value as unknown[]) : []) {
          const raw = isRecord(part) ? part[TEXT] : undefined;
          if (typeof raw === 'string') text += raw;
        }
      } else {
        children.push(build(key, value, node[ATTRS], scope));
      }
    }
  }
  return { name: qname.slice(colon + 1), ns: uri === undefined || uri === '' ? null : uri, children, text };
}

/** Parses vetted XML text into its root element. Throws XmlTreeError for what the parser refuses. */
export function parseXmlTree(text: string, maxDepth: number): XElement {
  let doc: unknown;
  try {
    doc = makeParser(maxDepth).parse(text);
  } catch (e) {
    throw new XmlTreeError(`malformed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const roots: XElement[] = [];
  for (const node of Array.isArray(doc) ? (doc as unknown[]) : []) {
    if (!isRecord(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key !== ATTRS && key !== TEXT && key !== CDATA) roots.push(build(key, value, node[ATTRS], new Map()));
    }
  }
  if (roots.length !== 1) throw new XmlTreeError('document must have exactly one root element');
  return roots[0];
}
