/** The web host process: the core and the web host in one Node process. */
import { join } from 'node:path';
import { startCore, type Core } from '../core/core.js';
import { BrokerConfigError } from '../core/field/broker-config.js';
import { ResourceError } from '../core/resources.js';
import { generateToken } from '../web/auth.js';
import { describeGc, runningGc } from './gc.js';
import { startWebHost, type WebHost } from '../web/server.js';
import { appRoot, coreConfig, parseHostOptions, USAGE, UsageError, type HostOptions } from './options.js';

export async function runWebHost(opts: HostOptions): Promise<{ core: Core; web: WebHost; token: string; wallToken: string }> {
  const root = appRoot();
  const core = await startCore(coreConfig(opts, opts.dataDir, join(root, 'resources')));

  const token = opts.token ?? generateToken();
  const wallToken = opts.wallToken ?? generateToken();
  try {
    const web = await startWebHost({ core, token, wallToken, host: opts.host, port: opts.port, rendererDir: join(root, 'dist', 'renderer'), open311Keys: opts.open311Keys });
    return { core, web, token, wallToken };
  } catch (e) {
    await core.close();
    throw e;
  }
}

/** Parses `argv`, starts core and web host, prints how to reach them; exits on bad options. */
export async function serveWeb(argv: readonly string[]): Promise<void> {
  let opts: HostOptions;
  try {
    opts = parseHostOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`quanxiang: ${e.message}\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  let started;
  try {
    started = await runWebHost(opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof ResourceError || e instanceof BrokerConfigError || err.name === 'DatabaseTooNewError' || err.name === 'MapFileError') console.error(`quanxiang: ${err.message}`);
    else if (err.code === 'EADDRINUSE') console.error(`quanxiang: a port is already in use (${err.message}); choose another with --port or --mqtt-port`);
    else console.error('quanxiang: failed to start:', e);
    process.exit(1);
  }
  const { core, web, token, wallToken } = started;
  const link = core.link();
  console.log(`Quanxiang console ${core.consoleId} is running${opts.drill ? ' in DRILL mode (演练): drill database, qx-drill/v1 topics' : ''}.`);
  console.log(`  Open:   ${web.url}/#token=${token}`);
  console.log(`  Token:  ${token}  (REST: Authorization: Bearer <token>)`);
  console.log(`  Wall:   ${web.url}/#token=${wallToken}  (read-only wall token)`);
  console.log(`  Broker: ${link.broker}${link.embedded ? ' (embedded)' : ''}`);
  console.log(`  Data:   ${opts.dataDir}`);
  console.log(`  GC:     ${describeGc(runningGc(process.execArgv))}`);
  console.log(`  Field:  MQTT receive and position checks ${core.fieldThread ? 'on their own thread (QX_FIELD_THREAD=0: on the main thread)' : 'on the main thread'}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void web
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
