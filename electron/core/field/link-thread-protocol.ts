/**
 * What the core's main thread and the field link's worker thread say to each other (threaded-link.ts,
 * link-worker.ts). Both ends are this codebase, in one process: the messages are typed, not
 * validated; everything from the wire is validated in the worker before it crosses.
 *
 * Positions cross as one batch per flush, packed flat (`packPositions`): unit ids in an array,
 * the numbers in one transferred Float64Array, so that 20,000 positions a second cost the
 * structured clone a few hundred objects a second instead of 20,000.
 */
import type { LinkView } from '../../../shared/model.js';
import type { PositionMsg } from '../../../shared/schemas/mqtt.js';
import type { BrokerConnection, BrokerSettings } from './broker-config.js';

/** Given to the worker when it starts (workerData). */
export interface LinkWorkerInit {
  readonly url: string;
  readonly embedded: boolean;
  readonly consoleId: string;
  /** Wire topics (already in the console's namespace). */
  readonly subscriptions: readonly string[];
  readonly presenceTopic: string;
  readonly broker?: BrokerSettings;
  /** The broker settings as the main thread read and checked them at start: the worker reads no file again. */
  readonly connection: BrokerConnection;
  /** Drill consoles speak qx-drill/v1 on the wire (shared/schemas/namespace.ts). */
  readonly drill: boolean;
  /** Positions are coalesced per unit and handed over at most this often. */
  readonly flushMs: number;
}

export type ToWorker =
  | { readonly t: 'publish'; readonly id: number; readonly topic: string; readonly payload: string }
  | { readonly t: 'close' };

/** A rejection counted by the worker: [source, where, reason] as Diagnostics.reject takes them. */
export type Rejection = readonly [source: string, where: string, reason: string];

export interface PositionBatch {
  readonly t: 'positions';
  readonly ids: readonly string[];
  /** Per position: lat, lon, ts, speed, heading (NaN when the device sent none); the accuracy (acc) stays behind: the tracker keeps none. */
  readonly values: Float64Array;
  /** Positions accepted (valid) since the last batch, coalesced or not. */
  readonly accepted: number;
  readonly rejected: readonly Rejection[];
}

export type FromWorker =
  | { readonly t: 'state'; readonly view: LinkView }
  | { readonly t: 'connected'; readonly connected: boolean }
  /** Any message that is not a unit position, as it came from the wire (copied). */
  | { readonly t: 'message'; readonly topic: string; readonly payload: Uint8Array }
  | PositionBatch
  | { readonly t: 'reject'; readonly rejection: Rejection }
  | { readonly t: 'published'; readonly id: number; readonly error?: string }
  | { readonly t: 'closed' };

const FIELDS = 5;

/** Packs coalesced positions for the crossing. */
export function packPositions(latest: ReadonlyMap<string, PositionMsg>): { ids: string[]; values: Float64Array } {
  const ids: string[] = [];
  const values = new Float64Array(latest.size * FIELDS);
  let i = 0;
  for (const [id, p] of latest) {
    ids.push(id);
    values[i] = p.lat;
    values[i + 1] = p.lon;
    values[i + 2] = p.ts;
    values[i + 3] = p.speed ?? NaN;
    values[i + 4] = p.heading ?? NaN;
    i += FIELDS;
  }
  return { ids, values };
}

/** Unpacks a batch: calls `each` per position, in the order packed. */
export function unpackPositions(batch: Pick<PositionBatch, 'ids' | 'values'>, each: (unitId: string, msg: PositionMsg) => void): void {
  const v = batch.values;
  for (let k = 0; k < batch.ids.length; k++) {
    const i = k * FIELDS;
    const msg: { -readonly [K in keyof PositionMsg]: PositionMsg[K] } = { lat: v[i], lon: v[i + 1], ts: v[i + 2] };
    if (!Number.isNaN(v[i + 3])) msg.speed = v[i + 3];
    if (!Number.isNaN(v[i + 4])) msg.heading = v[i + 4];
    each(batch.ids[k], msg);
  }
}
