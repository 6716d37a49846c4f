/** Small views and a catalog for the renderer's unit tests. */
import type { IncidentView, OrderView, ReportView, SensorView, UnitView, WarningView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';

export const catalog: Catalog = {
  agencies: [
    { id: 'fire', name: { zh: '消防救援', en: 'Fire and rescue' }, color: '#e5533d' },
    { id: 'ems', name: { zh: '120急救', en: 'EMS' }, color: '#3ddc84' },
  ],
  unitTypes: [
    { id: 'engine', agency: 'fire', name: { zh: '水罐消防车', en: 'Engine' }, capabilities: [] },
    { id: 'ambulance', agency: 'ems', name: { zh: '120急救车', en: 'Ambulance' }, capabilities: [] },
  ],
  incidentTypes: [{ id: 'medical', name: { zh: '医疗急救', en: 'Medical' }, priority: 1, plan: [{ level: 1, slots: [{ unitType: 'ambulance', count: 1 }] }] }],
};

export function unit(id: string, patch: Partial<UnitView> = {}): UnitView {
  return {
    id,
    name: id,
    agency: 'fire',
    type: 'engine',
    station: null,
    registered: true,
    status: 'available',
    statusSince: 0,
    lat: 31.1,
    lon: 104.4,
    heading: null,
    speed: null,
    positionTs: 1_000,
    incidentId: null,
    ...patch,
  };
}

export function incident(id: string, patch: Partial<IncidentView> = {}): IncidentView {
  return {
    id,
    number: 1,
    type: 'medical',
    priority: 1,
    status: 'new',
    lat: 31.1,
    lon: 104.4,
    address: '',
    summary: '',
    createdAt: 0,
    createdBy: 'test',
    updatedAt: 0,
    level: 1,
    disposition: null,
    underControlAt: null,
    closedAt: null,
    times: { firstDispatchedAt: null, firstAckAt: null, firstEnRouteAt: null, firstOnSceneAt: null },
    ...patch,
  };
}

export function order(id: string, patch: Partial<OrderView> = {}): OrderView {
  return {
    id,
    incidentId: 'i1',
    unitId: 'u1',
    kind: 'dispatch',
    state: 'queued',
    issuedAt: 0,
    sentAt: null,
    answeredAt: null,
    reason: null,
    enRouteAt: null,
    onSceneAt: null,
    clearedAt: null,
    resent: 0,
    cancelReason: null,
    ...patch,
  };
}

export function warning(id: string, patch: Partial<WarningView> = {}): WarningView {
  return {
    id,
    source: 'sensor',
    sourceRef: 'WL-01',
    severity: 'moderate',
    title: 'WL-01 over its line',
    detail: '',
    area: { type: 'Point', coordinates: [104.357, 31.1154] },
    issuedAt: 1_000,
    effectiveAt: 1_000,
    expiresAt: null,
    raisedAt: 1_000,
    updatedAt: 1_000,
    clearedAt: null,
    clearReason: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ...patch,
  };
}

export function sensor(id: string, patch: Partial<SensorView> = {}): SensorView {
  return {
    id,
    name: id,
    kind: 'water_level',
    lat: 31.1154,
    lon: 104.357,
    unit: 'm',
    warning: 4.5,
    alarm: 5.5,
    band: 0.1,
    level: 'normal',
    warningId: null,
    lastValue: null,
    lastTs: null,
    ...patch,
  };
}

export function report(id: string, patch: Partial<ReportView> = {}): ReportView {
  return {
    id,
    channel: 'app',
    category: 'flood',
    text: '积水',
    lat: 31.12,
    lon: 104.4,
    address: '滨江路12号',
    contact: null,
    ts: 1_000,
    receivedAt: 1_000,
    status: 'new',
    ...patch,
  };
}
