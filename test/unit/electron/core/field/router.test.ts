import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../../../electron/core/diagnostics';
import { FieldRouter } from '../../../../../electron/core/field/router';
import type { PositionMsg } from '../../../../../shared/schemas/mqtt';

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);
const TST = Math.floor(NOW / 1000) - 5;

function setup() {
  const diagnostics = new Diagnostics(() => NOW);
  const positions: [string, PositionMsg][] = [];
  const router = new FieldRouter(
    diagnostics,
    { position: (id, m) => positions.push([id, m]), status: () => undefined, ack: () => null },
    () => NOW,
    new Map([['li.wei/iphone', 'P-301']]),
  );
  const send = (topic: string, body: unknown) => router.receive(topic, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
  return { diagnostics, positions, router, send };
}

describe('OwnTracks', () => {
  it('moves the rostered unit with a location as the app publishes it', () => {
    const { positions, send, diagnostics, router } = setup();
    expect(router.subscriptions).toContain('owntracks/+/+');
    // a location message as OwnTracks for iOS sends it in MQTT mode
    send('owntracks/li.wei/iphone', {
      _type: 'location', acc: 16, alt: 495, batt: 68, bs: 1, conn: 'm', created_at: TST, lat: 31.1301, lon: 104.4012,
      m: 1, tid: 'lw', tst: TST, vac: 3, vel: 36, cog: 270, topic: 'owntracks/li.wei/iphone',
    });
    expect(positions).toEqual([['P-301', { lat: 31.1301, lon: 104.4012, ts: TST * 1000, speed: 10, heading: 270, acc: 16 }]]);
    expect(diagnostics.view().accepted).toEqual({ owntracks: 1 });
  });

  it('notes and ignores the last will and other message types', () => {
    const { positions, send, diagnostics } = setup();
    send('owntracks/li.wei/iphone', { _type: 'lwt', tst: TST });
    send('owntracks/li.wei/iphone', { _type: 'transition', event: 'enter', desc: 'home', tst: TST, lat: 31, lon: 104, acc: 10, tid: 'lw', wtst: TST, t: 'c' });
    send('owntracks/li.wei/iphone/event', { _type: 'transition' });
    expect(positions).toEqual([]);
    expect(diagnostics.view().rejectedTotal).toBe(0);
    expect(diagnostics.view().accepted).toEqual({ owntracks: 3 });
  });

  it('rejects phones on no roster row, bad coordinates and stale fixes, with reasons', () => {
    const { positions, send, diagnostics } = setup();
    send('owntracks/stranger/android', { _type: 'location', lat: 31, lon: 104, tst: TST });
    send('owntracks/li.wei/iphone', { _type: 'location', lat: 310, lon: 104, tst: TST });
    send('owntracks/li.wei/iphone', { _type: 'location', lat: 31, lon: 104, tst: TST - 3 * 86_400 });
    send('owntracks/li.wei/iphone', 'not json');
    expect(positions).toEqual([]);
    expect(diagnostics.view().recent.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^not JSON/),
      'timestamp is too old',
      expect.stringMatching(/^lat:/),
      'OwnTracks device stranger/android is on no roster row (column owntracks)',
    ]);
  });
});

describe('v1 topics', () => {
  it('routes a position and rejects an unknown topic', () => {
    const { positions, send, diagnostics } = setup();
    send('qx/v1/units/F-101/position', { lat: 31.1, lon: 104.4, ts: NOW });
    send('qx/v1/units/F-101/selfie', { lat: 31.1 });
    expect(positions).toEqual([['F-101', { lat: 31.1, lon: 104.4, ts: NOW }]]);
    expect(diagnostics.view().rejectedBySource).toEqual({ mqtt: 1 });
  });

  it('counts a handler that throws as a rejection instead of crashing', () => {
    const diagnostics = new Diagnostics(() => NOW);
    const router = new FieldRouter(diagnostics, { position: () => { throw new Error('disk full'); }, status: () => undefined, ack: () => null }, () => NOW);
    router.receive('qx/v1/units/F-101/position', Buffer.from(JSON.stringify({ lat: 31, lon: 104, ts: NOW })));
    expect(diagnostics.view().recent[0].reason).toBe('internal error: disk full');
  });
});
