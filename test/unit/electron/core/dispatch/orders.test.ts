/**
 * An order's send and its answer, whichever the console reads first. The broker's PUBACK and the
 * device's answer come back over the same connection (and, with the field link on its thread,
 * across a thread), so the answer can be handled before the PUBACK: the log must still read
 * sent → answered, once each.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '../../../../../electron/core/field/link';
import { initialLinkView } from '../../../../../electron/core/field/link';
import { Outbox } from '../../../../../electron/core/field/outbox';
import { UnitTracker } from '../../../../../electron/core/field/units';
import { OrderDesk } from '../../../../../electron/core/dispatch/orders';
import { Queries } from '../../../../../electron/core/store/queries';
import { Store } from '../../../../../electron/core/store/store';
import type { IncidentView, OrderView } from '../../../../../shared/model';

const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);
const who = { actor: 'dispatcher-li', consoleId: 'c1', role: 'supervisor' as const };
const incidentId = '00000000-0000-4000-8000-000000000001';

/** A connected link whose PUBACKs the test hands out. */
function heldLink() {
  const held: { topic: string; kind: unknown; puback: () => void }[] = [];
  let waiter: { n: number; resolve: () => void } | null = null;
  /** Resolves once `n` messages have been published. */
  const published = (n: number) => new Promise<void>((resolve) => {
    if (held.length >= n) resolve();
    else waiter = { n, resolve };
  });
  const link: Link = {
    state: initialLinkView('mqtt://127.0.0.1:1', true, undefined, NOW),
    connected: true,
    onState: () => () => undefined,
    start: () => undefined,
    publish: (topic, payload) => new Promise<void>((resolve) => {
      held.push({ topic, kind: (JSON.parse(payload) as { kind?: unknown }).kind, puback: resolve });
      if (waiter && held.length >= waiter.n) waiter.resolve();
    }),
    setOutboxSize: () => undefined,
    close: () => Promise.resolve(),
  };
  return { link, held, published };
}

let tracker: UnitTracker | null = null;
afterEach(() => tracker?.stop());

function setup({ announce = true } = {}) {
  const store = new Store({ file: ':memory:', consoleId: 'c1', now: () => NOW });
  store.append('unit.rostered', { id: 'A-201', name: '救护车1', agency: 'ems', type: 'ambulance', station: 'S1', lat: 31.1, lon: 104.4 }, who);
  store.append('incident.created', { id: incidentId, number: 1, type: 'medical', priority: 2, lat: 31.1, lon: 104.4, address: 'A', summary: '' }, who);
  const queries = new Queries(store.db);
  const { link, held, published } = heldLink();
  const sent: string[] = [];
  const outbox = new Outbox(store, link, 'c1', (id) => sent.push(id));
  tracker = new UnitTracker(store, queries, 'c1', () => undefined, 1_000_000);
  // What the consoles hear, in order: the incident's and the orders' pushes.
  const pushed: { kind: 'incident' | 'order'; firstAckAt?: number | null; state?: string }[] = [];
  const events = {
    incident: (i: IncidentView) => pushed.push({ kind: 'incident', firstAckAt: i.times.firstAckAt }),
    order: (o: OrderView) => pushed.push({ kind: 'order', state: o.state }),
  };
  const desk = new OrderDesk(store, queries, outbox, tracker, events, { resendAfterMs: 15_000, ackTimeoutMs: 30_000 }, 'c1');
  const incident = queries.incident(incidentId);
  if (!incident) throw new Error('no incident');
  const [orderId] = store.tx(() => desk.issue(incident, ['A-201'], 1, who));
  if (announce) desk.announce([incidentId], [orderId]);
  const log = () => store.events().filter((e) => e.type.startsWith('order.')).map((e) => e.type);
  return { store, queries, outbox, desk, held, published, sent, orderId, log, pushed };
}

describe('an order sent and answered', () => {
  it("tells the consoles the incident's acknowledgement time with the answer, before the order", async () => {
    const { outbox, desk, held, orderId, pushed } = setup();
    held[0].puback();
    await outbox.settled();
    pushed.length = 0;
    expect(desk.onAck('A-201', { orderId, accepted: true, ts: NOW })).toBeNull();
    // A console shows "dispatch → acknowledged" from the incident: it must not keep ticking after the answer.
    expect(pushed).toEqual([
      { kind: 'incident', firstAckAt: NOW },
      { kind: 'order', state: 'acknowledged' },
    ]);
  });

  it('records the send on the PUBACK, then the answer', async () => {
    const { queries, outbox, desk, held, sent, orderId, log } = setup();
    expect(held.map((h) => h.topic)).toEqual(['qx/v1/units/A-201/orders']);
    held[0].puback();
    await outbox.settled();
    expect(queries.order(orderId)?.state).toBe('sent');
    expect(sent).toEqual([orderId]);
    expect(desk.onAck('A-201', { orderId, accepted: true, ts: NOW })).toBeNull();
    expect(log()).toEqual(['order.sent', 'order.answered']);
    expect(outbox.size()).toBe(0);
  });

  it('an answer read before the PUBACK records the delivery first; the late PUBACK adds nothing', async () => {
    const { queries, outbox, desk, held, sent, orderId, log } = setup();
    expect(desk.onAck('A-201', { orderId, accepted: true, ts: NOW })).toBeNull();
    expect(log()).toEqual(['order.sent', 'order.answered']);
    expect(queries.order(orderId)).toMatchObject({ state: 'acknowledged' });
    expect(queries.order(orderId)?.sentAt).not.toBeNull();
    expect(outbox.size()).toBe(0);
    held[0].puback();
    await outbox.settled();
    expect(log()).toEqual(['order.sent', 'order.answered']);
    expect(sent).toEqual([]);
    expect(queries.order(orderId)?.state).toBe('acknowledged');
  });

  it('a cancellation follows an order already on its way to the broker', async () => {
    const { queries, outbox, desk, held, published, orderId, log } = setup();
    // On its way (published, PUBACK pending): the device may have it, so the cancellation goes too.
    desk.cancel(orderId, 'caller rang back', who);
    held[0].puback();
    await published(2);
    expect(held.map((h) => [h.topic, h.kind])).toEqual([['qx/v1/units/A-201/orders', 'dispatch'], ['qx/v1/units/A-201/orders', 'cancel']]);
    held[1].puback();
    await outbox.settled();
    expect(log()).toEqual(['order.cancelled', 'order.sent']);
    expect(queries.order(orderId)?.state).toBe('cancelled');
    expect(outbox.size()).toBe(0);
  });
});

describe('an order the broker has not taken yet', () => {
  it('is withdrawn by its cancellation: nothing goes out', async () => {
    const { queries, outbox, desk, held, orderId, log } = setup({ announce: false });
    desk.cancel(orderId, 'caller rang back', who);
    await outbox.settled();
    expect(held).toEqual([]);
    expect(log()).toEqual(['order.cancelled']);
    expect(queries.order(orderId)?.state).toBe('cancelled');
    expect(outbox.size()).toBe(0);
  });
});
