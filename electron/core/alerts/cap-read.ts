/**
 * Reading CAP elements off the namespace-aware tree: the children of one element grouped by name,
 * with cardinality ("exactly one", "at most one") and per-element text limits enforced. Every
 * failure carries an XPath-like location (alert/info[2]/area[1]/polygon[1]) so an operator or a
 * feed provider can find the fault.
 */
import { CAP12_NAMESPACE } from '../../../shared/domain/cap-types.js';
import type { XElement } from './xml-tree.js';

export class CapInvalid extends Error {}

export function invalid(path: string, message: string): never {
  throw new CapInvalid(`${path}: ${message}`);
}

/** Namespaces of the CAP versions before 1.2, to name them in a refusal. */
export const OTHER_CAP_VERSIONS: ReadonlyMap<string, string> = new Map([
  ['urn:oasis:names:tc:emergency:cap:1.1', 'CAP 1.1'],
  ['http://www.incident.com/cap/1.0', 'CAP 1.0'],
]);

/** Text limits in UTF-8 bytes. Generous next to real feeds, small enough that a huge text is refused rather than stored. */
export const TEXT_LIMITS = {
  token: 512,
  short: 1024,
  areaDesc: 4096,
  long: 8192,
  list: 65_536,
  polygon: 131_072,
} as const;

/** Trimmed text of a leaf element; refuses child elements, empty text and text over the limit. */
export function leafText(el: XElement, path: string, maxBytes: number): string {
  const nested = el.children.find((c) => c.ns === CAP12_NAMESPACE || c.ns === null);
  if (nested) invalid(path, `expected text, found element <${nested.name}>`);
  const text = el.text.trim();
  if (text === '') invalid(path, 'must not be empty');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) invalid(path, `text is ${bytes} bytes, over the ${maxBytes}-byte limit`);
  return text;
}

/** The CAP children of one element. */
export class Fields {
  private readonly groups = new Map<string, XElement[]>();

  constructor(
    el: XElement,
    readonly path: string,
    known: readonly string[],
  ) {
    for (const child of el.children) {
      // Elements of another declared namespace are extensions the schema allows (an XML
      // signature, a feed's own metadata) and are skipped; an element in no namespace is almost
      // always a prefix left off by mistake, and ignoring it would hide a missing required field.
      if (child.ns === null) invalid(path, `element <${child.name}> is not in the CAP 1.2 namespace`);
      // An <info> of another CAP version is not an extension: skipping it would drop a warning.
      const older = OTHER_CAP_VERSIONS.get(child.ns);
      if (older !== undefined) invalid(path, `element <${child.name}> is in the ${older} namespace, not CAP 1.2`);
      if (child.ns !== CAP12_NAMESPACE) continue;
      if (!known.includes(child.name)) invalid(path, `unknown CAP element <${child.name}>`);
      const group = this.groups.get(child.name);
      if (group) group.push(child);
      else this.groups.set(child.name, [child]);
    }
  }

  at(name: string, index?: number): string {
    return index === undefined ? `${this.path}/${name}` : `${this.path}/${name}[${index + 1}]`;
  }

  all(name: string): readonly XElement[] {
    return this.groups.get(name) ?? [];
  }

  /** At most one element; null when absent. */
  element(name: string): XElement | null {
    const group = this.all(name);
    if (group.length > 1) invalid(this.at(name), `appears ${group.length} times, at most once allowed`);
    return group.length === 1 ? group[0] : null;
  }

  opt(name: string, maxBytes: number = TEXT_LIMITS.token): string | null {
    const el = this.element(name);
    return el === null ? null : leafText(el, this.at(name), maxBytes);
  }

  one(name: string, maxBytes: number = TEXT_LIMITS.token): string {
    const text = this.opt(name, maxBytes);
    if (text === null) invalid(this.path, `required element <${name}> is missing`);
    return text;
  }

  texts(name: string, maxBytes: number = TEXT_LIMITS.token): string[] {
    return this.all(name).map((el, i) => leafText(el, this.at(name, i), maxBytes));
  }
}
