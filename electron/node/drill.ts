/**
 * `npm run drill -- scenario.yaml [--speed 10] [--data DIR] [--json]`: a headless drill. Starts a
 * drill console (drill database, drill topics, its own embedded broker on a free port), plays the
 * scenario with the headless dispatcher answering every call, then prints the after-action report
 * and exits 0 when every expectation is met, 3 when some are not, 2 on a bad scenario or option.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCore } from '../core/core.js';
import { ScenarioError } from '../core/drills/scenario-file.js';
import { formatReport } from '../core/drills/report-text.js';
import { appRoot } from './options.js';

async function main(): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: { speed: { type: 'string', default: '10' }, data: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'en' } },
    }));
  } catch (e) {
    console.error(`drill: ${(e as Error).message}`);
    return 2;
  }
  const speed = Number(values.speed);
  if (positionals.length !== 1) {
    console.error('usage: npm run drill -- scenario.yaml [--speed 1|2|5|10] [--data DIR] [--json] [--lang zh|en]');
    return 2;
  }
  if (!(speed > 0 && speed <= 1000)) {
    console.error(`drill: --speed must be a number from 1 to 1000, not "${values.speed}"`);
    return 2;
  }
  const root = appRoot();
  const dataDir = values.data ? resolve(values.data, 'drill') : mkdtempSync(join(tmpdir(), 'qx-drill-'));
  const core = await startCore({ dataDir, resourcesDir: join(root, 'resources'), consoleId: 'drill-headless', mqttPort: 0, drill: true });
  try {
    await core.connected();
    let scenario;
    try {
      scenario = core.drills.loadFile(resolve(positionals[0]));
    } catch (e) {
      if (e instanceof ScenarioError) {
        console.error(e.message);
        return 2;
      }
      throw e;
    }
    const started = performance.now();
    console.error(`drill ${scenario.id}: running at ×${speed} on ${core.link().broker} (data ${dataDir})`);
    const ended = core.drills.ended();
    const runId = await core.drills.start(scenario, { speed, autoDispatch: true });
    await ended;
    const report = core.drills.report(runId);
    console.error(`drill ${scenario.id}: ended (${report.run.endReason ?? '?'}) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report, values.lang === 'zh' ? 'zh' : 'en'));
    return report.allMet ? 0 : 3;
  } finally {
    await core.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('drill: failed:', e);
    process.exit(1);
  },
);
