/** `npm run simulate -- --units N [--broker URL] [--roster FILE]`: simulated field devices. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog, loadRoster } from '../core/resources.js';
import { startSimulator } from '../sim/simulator.js';
import { appRoot } from './options.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      units: { type: 'string', default: '50' },
      broker: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
      roster: { type: 'string' },
      interval: { type: 'string', default: '1000' },
      refuse: { type: 'string', default: '0' },
    },
  });
  const n = Number(values.units);
  const interval = Number(values.interval);
  const refuseShare = Number(values.refuse);
  if (!Number.isInteger(n) || n < 1) throw new Error('--units must be a whole number ≥ 1');
  if (!Number.isInteger(interval) || interval < 50) throw new Error('--interval must be ≥ 50 (ms)');
  if (!(refuseShare >= 0 && refuseShare <= 1)) throw new Error('--refuse must be a share from 0 to 1');
  const root = appRoot();
  const catalog = loadCatalog(join(root, 'resources', 'catalog'));
  const roster = loadRoster(values.roster ?? join(root, 'resources', 'roster', 'training-city.csv'), catalog);
  // More units than the roster: extra devices around the roster's units (they show as unregistered).
  const units = Array.from({ length: n }, (_, i) => {
    const r = roster[i % roster.length];
    return i < roster.length ? r : { id: `SIM-${i}`, lat: r.lat + (Math.random() - 0.5) * 0.02, lon: r.lon + (Math.random() - 0.5) * 0.02 };
  });
  const sim = startSimulator({ brokerUrl: values.broker, units, positionIntervalMs: interval, refuse: () => Math.random() < refuseShare });
  await sim.ready;
  console.log(`simulating ${units.length} field devices on ${values.broker} (positions every ${interval} ms); Ctrl+C to stop`);
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`simulate: ${(e as Error).message}`);
  process.exit(1);
});
