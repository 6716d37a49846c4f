/**
 * CAP 1.2 (OASIS Common Alerting Protocol) parser for the console's risk warnings, received on
 * qx/v1/alerts/cap or imported from a file. Three stages, each able to refuse with a reason:
 *   1. xml-guard: size, UTF-8, no DTD / entity declarations / processing instructions, only
 *      predefined and numeric entity references, well-formedness, depth and element count;
 *   2. xml-tree: fast-xml-parser with entity processing off, then namespace resolution;
 *   3. cap-validate: the standard's required elements, cardinalities, enumerations and value
 *      formats, with per-element text limits, into a typed CapAlert.
 * Never throws for bad input: the caller gets { ok: false, reason } to log or show.
 */
import type { CapAlert } from '../../../shared/domain/cap-types.js';
import { CapInvalid } from './cap-read.js';
import { toCapAlert } from './cap-validate.js';
import { guardXml, type XmlLimits } from './xml-guard.js';
import { parseXmlTree, XmlTreeError } from './xml-tree.js';

export { TEXT_LIMITS } from './cap-read.js';

/**
 * A CAP alert with polygons is a few KiB; the largest real ones (many-point polygons, long geocode
 * lists) stay well under this. Depth: alert/info/area/geocode/value is 5, an XML signature ~8.
 */
export const CAP_XML_LIMITS: XmlLimits = { maxBytes: 256 * 1024, maxDepth: 16, maxElements: 10_000 };

export type CapParseResult = { ok: true; alert: CapAlert } | { ok: false; reason: string };

export function parseCap(xml: string | Uint8Array): CapParseResult {
  const guarded = guardXml(xml, CAP_XML_LIMITS);
  if (!guarded.ok) return guarded;
  try {
    return { ok: true, alert: toCapAlert(parseXmlTree(guarded.text, CAP_XML_LIMITS.maxDepth)) };
  } catch (e) {
    if (e instanceof CapInvalid || e instanceof XmlTreeError) return { ok: false, reason: e.message };
    throw e;
  }
}
