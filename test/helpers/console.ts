/**
 * A whole console for a test, in this process: core (embedded broker on a free port, temp
 * SQLite folder) and web host serving the built renderer (run `npm run build` first).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core';
import { runWebHost } from '../../electron/node/host';
import { appRoot, parseHostOptions } from '../../electron/node/options';

export interface TestConsole {
  /** The web host's origin, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly token: string;
  readonly core: Core;
  /** The field link's broker (the embedded one), for simulated devices. */
  readonly brokerUrl: string;
  close(): Promise<void>;
}

export const TEST_TOKEN = 'test-token-123';

export async function startConsole(extraArgs: readonly string[] = []): Promise<TestConsole> {
  if (!existsSync(join(appRoot(), 'dist', 'renderer', 'index.html'))) throw new Error('the renderer is not built: run npm run build first');
  const data = mkdtempSync(join(tmpdir(), 'qx-e2e-'));
  const opts = parseHostOptions(['--port', '0', '--mqtt-port', '0', '--data', data, '--token', TEST_TOKEN, '--console-id', 'e2e-console', ...extraArgs], {});
  const { core, web, token } = await runWebHost(opts);
  await core.connected();
  return {
    url: web.url,
    token,
    core,
    brokerUrl: core.link().broker,
    close: async () => {
      await web.close();
      await core.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
