/** Command-line and environment options of the console's hosts (web host, npm start, Electron). */
import { existsSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CoreConfig } from '../core/core.js';
import { BrokerConfigError, loadBrokerConnection, PASSWORD_ENV, readBrokerPassword, type BrokerSettings } from '../core/field/broker-config.js';

export interface HostOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly mqttPort: number;
  readonly brokerUrl: string | undefined;
  /** TLS files and credentials for --broker; undefined without --broker. Holds the password: never log it. */
  readonly broker: BrokerSettings | undefined;
  readonly rosterFile: string | undefined;
  readonly sensorsFile: string | undefined;
  readonly token: string | undefined;
  /** Read-only token for wall screens (role wall). */
  readonly wallToken: string | undefined;
  readonly consoleId: string;
  readonly ackTimeoutMs: number;
  /** Keys accepted as Open311 api_key (--open311-key, repeatable, or $QX_OPEN311_KEYS comma-separated). */
  readonly open311Keys: readonly string[];
  /** --map FILE (repeatable): .mbtiles, .pmtiles, .geojson, absolute paths. */
  readonly maps: readonly string[];
  /** --online-tiles URL template ({z}/{x}/{y}); off when undefined. */
  readonly onlineTiles: string | undefined;
  /** Drill mode: drill database (<data>/drill), drill topics (qx-drill/v1), embedded broker on 1884. */
  readonly drill: boolean;
  /** The field link on its own worker thread ($QX_FIELD_THREAD, default 1). */
  readonly fieldThread: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Options:
  --port N          web host port (default 8080; 0 = any free port)
  --host ADDR       address to listen on (default 127.0.0.1; 0.0.0.0 for the hall's LAN)
  --data DIR        data folder for quanxiang.db (default $QX_DATA or ~/.local/share/quanxiang)
  --mqtt-port N     embedded broker port (default 1883; 0 = any free port)
  --broker URL      external broker (mqtt://, mqtts://); switches the embedded broker off
  --broker-ca FILE  PEM CA that signed the broker's certificate (mqtts:// only)
  --broker-cert FILE
                    PEM client certificate, for brokers that identify clients by certificate
  --broker-key FILE its unencrypted PEM private key (with --broker-cert)
  --broker-user NAME
                    broker user name; the password comes from $${PASSWORD_ENV}
  --broker-password-file FILE
                    or from the first line of FILE (passwords are never taken on the command line)
  --roster FILE     unit roster CSV (default resources/roster/training-city.csv)
  --sensors FILE    sensor registry CSV (default resources/sensors/training-city.csv)
  --token TOKEN     API token (default $QX_TOKEN, else a new one printed at start)
  --wall-token TOKEN  read-only token for wall screens (default $QX_WALL_TOKEN, else a new one)
  --console-id ID   this console's id in the event log (default the host name)
  --ack-timeout S   seconds before an unanswered order is flagged "no answer" (default 30)
  --open311-key KEY an api_key accepted by the Open311 GeoReport v2 interface (repeatable;
                    default $QX_OPEN311_KEYS, comma-separated; none: the interface is off)
  --map FILE        an offline map or layer (.mbtiles, .pmtiles, .geojson); repeatable
  --online-tiles URL
                    an online XYZ/WMTS tile source ({z}/{x}/{y}), relayed by the console (off by default)
  --drill           drill mode: a separate drill database (<data>/drill), drill topics (qx-drill/v1/…),
                    its own embedded broker port (default 1884), a DRILL banner; see docs/drills.md`;

function int(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HostOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'mqtt-port': { type: 'string' },
        broker: { type: 'string' },
        'broker-ca': { type: 'string' },
        'broker-cert': { type: 'string' },
        'broker-key': { type: 'string' },
        'broker-user': { type: 'string' },
        'broker-password-file': { type: 'string' },
        roster: { type: 'string' },
        sensors: { type: 'string' },
        token: { type: 'string' },
        'wall-token': { type: 'string' },
        'console-id': { type: 'string' },
        'ack-timeout': { type: 'string' },
        'open311-key': { type: 'string', multiple: true },
        map: { type: 'string', multiple: true },
        'online-tiles': { type: 'string' },
        drill: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.broker !== undefined && values['mqtt-port'] !== undefined) throw new UsageError('give --broker or --mqtt-port, not both');
  if (values.broker !== undefined && !/^(mqtts?|wss?|tcp|ssl):\/\/[^\s]+$/.test(values.broker))
    throw new UsageError(`--broker must be a URL such as mqtt://host:1883, not "${values.broker}"`);
  const broker = brokerSettings(values, env);
  const token = values.token ?? env.QX_TOKEN;
  if (token !== undefined && !/^[A-Za-z0-9._~+/=-]{8,200}$/.test(token)) throw new UsageError('the token must be 8–200 URL-safe characters');
  const wallToken = values['wall-token'] ?? env.QX_WALL_TOKEN;
  if (wallToken !== undefined && !/^[A-Za-z0-9._~+/=-]{8,200}$/.test(wallToken)) throw new UsageError('the wall token must be 8–200 URL-safe characters');
  if (wallToken !== undefined && wallToken === token) throw new UsageError('the wall token must differ from the console token');
  const open311Keys = values['open311-key'] ?? (env.QX_OPEN311_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of open311Keys) if (!/^[A-Za-z0-9._~+/=-]{8,200}$/.test(k)) throw new UsageError('an Open311 key must be 8–200 URL-safe characters');
  const maps = (values.map ?? []).map((m) => {
    if (!/\.(mbtiles|pmtiles|geojson)$/i.test(m)) throw new UsageError(`--map takes a .mbtiles, .pmtiles or .geojson file, not "${m}"`);
    const file = resolve(m);
    if (!existsSync(file)) throw new UsageError(`--map ${m}: no such file`);
    return file;
  });
  const online = values['online-tiles'];
  if (online !== undefined && (!/^https?:\/\/[^\s]+$/.test(online) || !/\{z\}|\{TileMatrix\}/.test(online)))
    throw new UsageError(`--online-tiles must be an http(s) URL template with {z}, {x} and {y}, not "${online}"`);
  const drill = values.drill === true;
  const fieldThread = fieldThreadSetting(env);
  const consoleId = (values['console-id'] ?? hostname()).replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64) || 'console';
  return {
    port: int('port', values.port, 8080, 0, 65535),
    host: values.host ?? '127.0.0.1',
    dataDir: drillDir(resolve(values.data ?? env.QX_DATA ?? join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'quanxiang')), drill),
    mqttPort: int('mqtt-port', values['mqtt-port'], drill ? DRILL_MQTT_PORT : 1883, 0, 65535),
    brokerUrl: values.broker,
    broker,
    rosterFile: values.roster === undefined ? undefined : resolve(values.roster),
    sensorsFile: values.sensors === undefined ? undefined : resolve(values.sensors),
    token,
    wallToken,
    consoleId,
    ackTimeoutMs: int('ack-timeout', values['ack-timeout'], 30, 1, 3600) * 1000,
    open311Keys,
    maps,
    onlineTiles: online,
    drill,
    fieldThread,
  };
}

/** QX_FIELD_THREAD: run the field link on its own thread (default 1; 0 keeps it on the core's main thread). */
export function fieldThreadSetting(env: NodeJS.ProcessEnv): boolean {
  const v = (env.QX_FIELD_THREAD ?? '1').trim().toLowerCase();
  if (v === '1' || v === 'on' || v === 'true' || v === '') return true;
  if (v === '0' || v === 'off' || v === 'false') return false;
  throw new UsageError(`QX_FIELD_THREAD must be 1 or 0, not "${env.QX_FIELD_THREAD ?? ''}"`);
}

/** The drill console's own embedded broker port, so a drill never shares the live broker. */
export const DRILL_MQTT_PORT = 1884;

/** A drill keeps its database in the `drill` folder of the data folder. */
export function drillDir(dataDir: string, drill: boolean): string {
  return drill ? join(dataDir, 'drill') : dataDir;
}

const BROKER_FLAGS = ['broker-ca', 'broker-cert', 'broker-key', 'broker-user', 'broker-password-file'] as const;

/**
 * The --broker-* flags, checked: only with --broker, files readable and what they claim to be
 * (PEM, key matching the certificate), password from the environment or a file.
 */
function brokerSettings(values: Partial<Record<'broker' | (typeof BROKER_FLAGS)[number], string>>, env: NodeJS.ProcessEnv): BrokerSettings | undefined {
  const url = values.broker;
  if (url === undefined) {
    const stray = BROKER_FLAGS.find((f) => values[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --broker`);
    return undefined;
  }
  const file = (f: (typeof BROKER_FLAGS)[number]): string | undefined => (values[f] === undefined ? undefined : resolve(values[f]));
  try {
    const password = readBrokerPassword(file('broker-password-file'), env);
    const settings: BrokerSettings = {
      caFile: file('broker-ca'),
      certFile: file('broker-cert'),
      keyFile: file('broker-key'),
      username: values['broker-user'],
      password,
    };
    // Reads and checks the files now, so a wrong path is a usage error rather than a failed start.
    loadBrokerConnection(url, settings);
    return settings;
  } catch (e) {
    if (e instanceof BrokerConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** The project folder (holding resources/ and dist/), found from this file's location. */
export function appRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'catalog'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the resources folder above ${from}`);
}

/**
 * The core's configuration from the command line, for a data folder and the folder holding
 * `resources/` (the web host and the Electron shell both start the core with it).
 */
export function coreConfig(opts: HostOptions, dataDir: string, resourcesDir: string): CoreConfig {
  return {
    dataDir,
    resourcesDir,
    rosterFile: opts.rosterFile,
    sensorsFile: opts.sensorsFile,
    brokerUrl: opts.brokerUrl,
    broker: opts.broker,
    mqttPort: opts.mqttPort,
    consoleId: opts.consoleId,
    ackTimeoutMs: opts.ackTimeoutMs,
    maps: opts.maps,
    onlineTiles: opts.onlineTiles,
    panoramaData: join(resourcesDir, 'panorama', 'training-city.geojson'),
    drill: opts.drill,
    fieldThread: opts.fieldThread,
  };
}
