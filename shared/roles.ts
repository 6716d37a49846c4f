/**
 * Roles and what each may do. Every API method names the permission it needs (API_PERMISSIONS);
 * the core checks it on every call, whatever the host. Personal data (a reporter's contact, a
 * resident who needs help in an evacuation) is only returned to roles with `personal`.
 */
import type { ApiName } from './api-names.js';

export const ROLES = ['supervisor', 'dispatcher', 'caseworker', 'wall'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['read', 'dispatch', 'cases', 'personal', 'supervise'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  supervisor: PERMISSIONS,
  dispatcher: ['read', 'dispatch', 'cases', 'personal'],
  caseworker: ['read', 'cases', 'personal'],
  /** A wall screen or wall controller: sees the picture, changes nothing, no personal data. */
  wall: ['read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return (ROLES as readonly unknown[]).includes(v);
}

/** Methods that only read; every other method needs the permission named in WRITE_PERMISSIONS. */
const READS: ReadonlySet<ApiName> = new Set<ApiName>([
  'session.snapshot',
  'incidents.get',
  'incidents.recommend',
  'incidents.nearby',
  'incidents.timeline',
  'diagnostics.get',
  'warnings.list',
  'sensors.list',
  'reports.list',
  // Case desk
  'cases.catalog',
  'cases.list',
  'cases.get',
  'cases.timeline',
  'cases.duplicates',
  'cases.route',
  'cases.kpi',
  'cases.kpiCases',
  'cases.report',
  'cases.map',
  'cases.exportCsv',
  'maps.list',
  'entities.list',
  'entities.get',
  'entities.export',
  'panorama.around',
  'grid.cells',
  'grid.coverage',
  'geofences.list',
  'cameras.feed',
  'wall.state',
  'stats.summary',
  'drill.status',
  'drill.scenarios',
  'drill.runs',
  'drill.report',
  'replay.range',
  'replay.at',
]);

const WRITE_PERMISSIONS: Partial<Record<ApiName, Permission>> = {
  'warnings.ack': 'dispatch',
  'sensors.register': 'supervise',
  'alerts.importCap': 'dispatch',
  // Case desk: every write needs `cases` (cases.toIncident also checks `dispatch` in its handler).
  'cases.create': 'cases',
  'cases.triage': 'cases',
  'cases.merge': 'cases',
  'cases.toIncident': 'cases',
  'cases.assign': 'cases',
  'cases.return': 'cases',
  'cases.accept': 'cases',
  'cases.start': 'cases',
  'cases.addNote': 'cases',
  'cases.addSession': 'cases',
  'cases.addAttachment': 'cases',
  'cases.pause': 'cases',
  'cases.resume': 'cases',
  'cases.resolve': 'cases',
  'cases.close': 'cases',
  'grid.assign': 'supervise',
  'geofences.save': 'supervise',
  'geofences.delete': 'supervise',
  'maps.open': 'supervise',
  'maps.close': 'supervise',
  'drill.start': 'supervise',
  'drill.stop': 'supervise',
  'drill.control': 'dispatch',
};

/** The permission `name` needs: reads need `read`; writes default to `dispatch`. */
export function permissionFor(name: ApiName): Permission {
  if (READS.has(name)) return 'read';
  return WRITE_PERMISSIONS[name] ?? 'dispatch';
}
