/**
 * The "screen" side of bench/ingest, in its own process as a renderer would be: a WebSocket client
 * of the web host that logs in, receives unit batches, and after `seconds` prints the latencies
 * (receive time − device timestamp) of the positions it got after the warm-up: count, p50, p99.
 */
import WebSocket from 'ws';
import type { ServerMessage } from '../shared/wire';

const [url, token, warmupArg, secondsArg] = process.argv.slice(2);
const start = Date.now() + Number(warmupArg) * 1000;
const end = start + Number(secondsArg) * 1000;
const lat: number[] = [];
const ws = new WebSocket(url);
ws.on('open', () => ws.send(JSON.stringify({ t: 'auth', token })));
ws.on('message', (data: Buffer) => {
  const now = Date.now();
  const m = JSON.parse(data.toString()) as ServerMessage;
  if (m.t === 'ready') process.stdout.write('ready\n');
  if (m.t !== 'push' || now < start || now > end) return;
  const list = m.push.kind === 'units' ? m.push.units : m.push.kind === 'positions' ? m.push.positions : [];
  for (const u of list) if (u.positionTs) lat.push(now - u.positionTs);
});
setTimeout(() => {
  lat.sort((a, b) => a - b);
  const at = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  ws.close();
  // Written in full before the process ends (a pipe would cut a process.exit short).
  process.stdout.write(`${JSON.stringify({ n: lat.length, p50: at(0.5), p99: at(0.99) })}\n`, () => process.exit(0));
}, end - Date.now() + 500);
