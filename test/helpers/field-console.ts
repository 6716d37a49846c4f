/**
 * A console, a simulated device for every rostered unit at its roster position, and a browser:
 * the set-up of the end-to-end tests that dispatch and watch devices answer over MQTT.
 */
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/sim/simulator';
import { launchBrowser, type TestBrowser } from './browser';
import { startConsole, type TestConsole } from './console';

export interface FieldConsole {
  readonly console: TestConsole;
  readonly sim: Simulator;
  readonly browser: TestBrowser;
  close(): Promise<void>;
}

export async function startFieldConsole(
  sim: Omit<SimulatorOptions, 'brokerUrl' | 'units'>,
  browser?: Parameters<typeof launchBrowser>[0],
): Promise<FieldConsole> {
  const console_ = await startConsole();
  const snapshot = await console_.core.handlers['session.snapshot']({}, { actor: 'e2e', consoleId: 'e2e', role: 'supervisor' });
  const units = snapshot.units.flatMap((u) => (u.lat !== null && u.lon !== null ? [{ id: u.id, lat: u.lat, lon: u.lon }] : []));
  const simulator = startSimulator({ brokerUrl: console_.brokerUrl, units, ...sim });
  await simulator.ready;
  const b = await launchBrowser(browser);
  return {
    console: console_,
    sim: simulator,
    browser: b,
    close: async () => {
      await b.close();
      await simulator.close();
      await console_.close();
    },
  };
}
