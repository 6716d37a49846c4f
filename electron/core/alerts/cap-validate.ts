/**
 * CAP 1.2 structure: which elements an <alert>, <info>, <area> and <resource> may hold, which are
 * required, and how each becomes a field of CapAlert. Element order is not enforced (the XSD's
 * sequence adds nothing to the meaning); cardinality, required fields and value formats are.
 */
import {
  CAP12_NAMESPACE,
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  capKey,
  type CapAlert,
  type CapArea,
  type CapCertainty,
  type CapInfo,
  type CapResource,
  type CapShape,
  type CapTime,
  type CapValuePair,
} from '../../../shared/domain/cap-types.js';
import { Fields, OTHER_CAP_VERSIONS, TEXT_LIMITS, invalid } from './cap-read.js';
import { capId, capTime, circle, decimal, httpUrl, httpUrlOrNull, languageTag, oneOf, polygon, quotedList, references } from './cap-values.js';
import type { XElement } from './xml-tree.js';

const ALERT_ELEMENTS = ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'];
const INFO_ELEMENTS = [
  'language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires',
  'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area',
];
const AREA_ELEMENTS = ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'];
const RESOURCE_ELEMENTS = ['resourceDesc', 'mimeType', 'size', 'uri', 'derefUri', 'digest'];
const PAIR_ELEMENTS = ['valueName', 'value'];

/** The root must be a CAP 1.2 <alert>; older versions are named so the sender knows what to change. */
function checkRoot(root: XElement): void {
  if (root.name !== 'alert') invalid('/', `root element is <${root.name}>, expected <alert>`);
  if (root.ns === CAP12_NAMESPACE) return;
  if (root.ns === null) invalid('alert', `missing namespace: a CAP 1.2 alert must declare xmlns="${CAP12_NAMESPACE}"`);
  const older = OTHER_CAP_VERSIONS.get(root.ns);
  if (older !== undefined) invalid('alert', `${older} (namespace ${root.ns}) is not supported; only CAP 1.2 (${CAP12_NAMESPACE})`);
  invalid('alert', `unknown namespace "${root.ns}"; expected ${CAP12_NAMESPACE}`);
}

function valuePairs(f: Fields, name: string): CapValuePair[] {
  return f.all(name).map((el, i) => {
    const pair = new Fields(el, f.at(name, i), PAIR_ELEMENTS);
    return { valueName: pair.one('valueName'), value: pair.one('value', TEXT_LIMITS.short) };
  });
}

function area(el: XElement, path: string): CapArea {
  const f = new Fields(el, path, AREA_ELEMENTS);
  const shapes: CapShape[] = [
    ...f.texts('polygon', TEXT_LIMITS.polygon).map((t, i) => polygon(t, f.at('polygon', i))),
    ...f.texts('circle').map((t, i) => circle(t, f.at('circle', i))),
  ];
  const altitude = f.opt('altitude');
  const ceiling = f.opt('ceiling');
  // The standard: ceiling MUST NOT be used except in combination with altitude.
  if (ceiling !== null && altitude === null) invalid(path, '<ceiling> is given without <altitude>');
  const altitudeFt = altitude === null ? null : decimal(altitude, f.at('altitude'));
  const ceilingFt = ceiling === null ? null : decimal(ceiling, f.at('ceiling'));
  if (altitudeFt !== null && ceilingFt !== null && ceilingFt < altitudeFt) invalid(path, `ceiling ${ceilingFt} is below altitude ${altitudeFt}`);
  return { areaDesc: f.one('areaDesc', TEXT_LIMITS.areaDesc), shapes, geocodes: valuePairs(f, 'geocode'), altitudeFt, ceilingFt };
}

function resource(el: XElement, path: string): CapResource {
  const f = new Fields(el, path, RESOURCE_ELEMENTS);
  // derefUri (base64 content) is not kept: the console shows alerts, it does not store attachments.
  f.element('derefUri');
  const size = f.opt('size');
  const sizeBytes = size === null ? null : decimal(size, f.at('size'));
  if (sizeBytes !== null && (!Number.isInteger(sizeBytes) || sizeBytes < 0)) invalid(f.at('size'), `"${size}" is not a byte count`);
  const uri = f.opt('uri', TEXT_LIMITS.short);
  return {
    resourceDesc: f.one('resourceDesc', TEXT_LIMITS.short),
    mimeType: f.one('mimeType'),
    sizeBytes,
    // A relative uri only names derefUri content; only a usable http(s) link is kept.
    uri: uri === null ? null : httpUrlOrNull(uri),
    digest: f.opt('digest'),
  };
}

/**
 * CAP 1.0 had "Very Likely"; 1.1 deprecated it and 1.2 dropped it. Some 1.2 feeds still send it,
 * and its meaning is not in doubt, so it is read as "Likely" rather than losing the warning.
 */
function certainty(text: string, path: string): CapCertainty {
  return text === 'Very Likely' ? 'Likely' : oneOf(text, CAP_CERTAINTIES, path);
}

function info(el: XElement, path: string): CapInfo {
  const f = new Fields(el, path, INFO_ELEMENTS);
  const time = (name: string): CapTime | null => {
    const t = f.opt(name);
    return t === null ? null : capTime(t, f.at(name));
  };
  const categories = f.texts('category').map((t, i) => oneOf(t, CAP_CATEGORIES, f.at('category', i)));
  if (categories.length === 0) invalid(path, 'required element <category> is missing');
  const web = f.opt('web', TEXT_LIMITS.short);
  const language = f.opt('language');
  return {
    language: language === null ? 'en-US' : languageTag(language, f.at('language')),
    categories,
    event: f.one('event', TEXT_LIMITS.short),
    responseTypes: f.texts('responseType').map((t, i) => oneOf(t, CAP_RESPONSE_TYPES, f.at('responseType', i))),
    urgency: oneOf(f.one('urgency'), CAP_URGENCIES, f.at('urgency')),
    severity: oneOf(f.one('severity'), CAP_SEVERITIES, f.at('severity')),
    certainty: certainty(f.one('certainty'), f.at('certainty')),
    audience: f.opt('audience', TEXT_LIMITS.short),
    eventCodes: valuePairs(f, 'eventCode'),
    effective: time('effective'),
    onset: time('onset'),
    expires: time('expires'),
    senderName: f.opt('senderName', TEXT_LIMITS.short),
    headline: f.opt('headline', TEXT_LIMITS.short),
    description: f.opt('description', TEXT_LIMITS.long),
    instruction: f.opt('instruction', TEXT_LIMITS.long),
    web: web === null ? null : httpUrl(web, f.at('web')),
    contact: f.opt('contact', TEXT_LIMITS.short),
    parameters: valuePairs(f, 'parameter'),
    resources: f.all('resource').map((r, i) => resource(r, f.at('resource', i))),
    areas: f.all('area').map((a, i) => area(a, f.at('area', i))),
  };
}

/** Validates a parsed document as a CAP 1.2 alert. Throws CapInvalid with the first fault found. */
export function toCapAlert(root: XElement): CapAlert {
  checkRoot(root);
  const f = new Fields(root, 'alert', ALERT_ELEMENTS);
  const identifier = capId(f.one('identifier'), f.at('identifier'));
  const sender = capId(f.one('sender'), f.at('sender'));
  const sent = capTime(f.one('sent'), f.at('sent'));
  const status = oneOf(f.one('status'), CAP_STATUSES, f.at('status'));
  const msgType = oneOf(f.one('msgType'), CAP_MSG_TYPES, f.at('msgType'));
  const scope = oneOf(f.one('scope'), CAP_SCOPES, f.at('scope'));
  const restriction = f.opt('restriction', TEXT_LIMITS.short);
  if (scope === 'Restricted' && restriction === null) invalid('alert', 'scope is Restricted but <restriction> is missing');
  const addresses = f.opt('addresses', TEXT_LIMITS.list);
  if (scope === 'Private' && addresses === null) invalid('alert', 'scope is Private but <addresses> is missing');
  const refs = f.opt('references', TEXT_LIMITS.list);
  const incidents = f.opt('incidents', TEXT_LIMITS.list);
  return {
    key: capKey(sender, identifier),
    identifier,
    sender,
    sent,
    status,
    msgType,
    source: f.opt('source', TEXT_LIMITS.short),
    scope,
    restriction,
    addresses: addresses === null ? [] : quotedList(addresses, f.at('addresses')),
    codes: f.texts('code'),
    note: f.opt('note', TEXT_LIMITS.long),
    references: refs === null ? [] : references(refs, f.at('references')),
    incidents: incidents === null ? [] : quotedList(incidents, f.at('incidents')),
    infos: f.all('info').map((el, i) => info(el, f.at('info', i))),
  };
}
