/**
 * Starts a real Mosquitto broker for a test, on a free loopback port: with a config of the test's
 * (startMosquitto) or with the shipped resources/mosquitto configuration (startMosquittoShipped).
 * Either can be stopped and started again on the same ports (a broker outage).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';
import { makeTestPki, type TestPki } from './tls';

export const SHIPPED_DIR = join(import.meta.dirname, '../../resources/mosquitto');
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

export interface Mosquitto {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Everything Mosquitto logged so far (all runs). */
  log(): string;
  /** Stops it (SIGTERM; persistence is saved) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again with the same configuration, ports and persistence folder. */
  restart(): Promise<void>;
  /** Resolves when the log (from now on) has a line matching `re`. */
  waitForLog(re: RegExp, timeoutMs?: number): Promise<string>;
}

/** Runs `mosquitto -c conf`, resolving once it logs its "running" line. */
function launch(conf: string, dir: string): Mosquitto & { readonly started: Promise<void> } {
  let proc: ChildProcess | null = null;
  let log = '';
  const logWaiters = new Set<() => void>();
  const start = (): Promise<void> => {
    const from = log.length;
    const p = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc = p;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        p.kill('SIGKILL');
        reject(new Error(`mosquitto did not start within ${START_TIMEOUT_MS} ms:\n${log.slice(from)}`));
      }, START_TIMEOUT_MS);
      const onData = (b: Buffer): void => {
        log += b.toString();
        for (const w of logWaiters) w();
        if (/mosquitto version \S+ running/.test(log.slice(from))) {
          clearTimeout(timer);
          resolve();
        }
      };
      p.stderr?.on('data', onData);
      p.stdout?.on('data', onData);
      p.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`mosquitto exited with ${code ?? 'signal'}:\n${log.slice(from)}`));
      });
      p.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  };
  const stop = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        p.kill('SIGKILL');
        reject(new Error(`mosquitto did not stop within ${STOP_TIMEOUT_MS} ms`));
      }, STOP_TIMEOUT_MS);
      p.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      p.kill('SIGTERM');
    });
  const waitForLog = (re: RegExp, timeoutMs = 10_000): Promise<string> => {
    const from = log.length;
    return new Promise<string>((resolve, reject) => {
      const check = (): void => {
        const m = re.exec(log.slice(from));
        if (!m) return;
        logWaiters.delete(check);
        clearTimeout(timer);
        resolve(m[0]);
      };
      const timer = setTimeout(() => {
        logWaiters.delete(check);
        reject(new Error(`mosquitto logged nothing matching ${re} within ${timeoutMs} ms:\n${log.slice(from)}`));
      }, timeoutMs);
      logWaiters.add(check);
    });
  };
  return {
    url: '',
    port: 0,
    dir,
    started: start(),
    log: () => log,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    waitForLog,
  };
}

/** `config` returns the lines after the common header (listener, TLS, ACL settings). */
export async function startMosquitto(opts: { port?: number; config?: (port: number, dir: string) => string } = {}): Promise<Mosquitto> {
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'qx-mosq-'));
  const conf = join(dir, 'mosquitto.conf');
  const body = opts.config?.(port, dir) ?? `listener ${port} 127.0.0.1\nallow_anonymous true\n`;
  writeFileSync(conf, `per_listener_settings false\npersistence false\nlog_dest stderr\nlog_type error\nlog_type warning\nlog_type notice\nlog_type information\n${body}`);
  const { started, ...m } = launch(conf, dir);
  await started;
  return { ...m, url: `mqtt://127.0.0.1:${port}`, port };
}

export interface ShippedMosquitto extends Mosquitto {
  /** mqtts:// URL of the password listener (8883 in the shipped file). */
  readonly url: string;
  /** mqtts:// URL and port of the client-certificate listener (8884 in the shipped file). */
  readonly certUrl: string;
  readonly certPort: number;
  readonly pki: TestPki;
  /** User name → password, as written to the password file. */
  readonly passwords: Readonly<Record<string, string>>;
  /** The configuration actually run (the shipped one with ports and paths rewritten). */
  readonly config: string;
}

/**
 * Starts Mosquitto with the SHIPPED resources/mosquitto/mosquitto.conf and acl. Only the listener
 * ports (to free loopback ports) and the file paths (password file made with `mosquitto_passwd -b`,
 * TLS files from `pki`, persistence in a temp folder, log to stderr) are rewritten; every other
 * line, the ACL included, is the shipped one.
 */
export async function startMosquittoShipped(opts: { users: Readonly<Record<string, string>>; pki?: TestPki; clientCerts?: readonly string[] }): Promise<ShippedMosquitto> {
  const pki = opts.pki ?? (await makeTestPki(opts.clientCerts ?? []));
  const [port, certPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'qx-mosq-'));
  // Started as root, Mosquitto drops to its own user before it reads the password file and ACL.
  chmodSync(dir, 0o755);
  const passwd = join(dir, 'passwd');
  writeFileSync(passwd, '');
  for (const [user, password] of Object.entries(opts.users)) {
    await promisify(execFile)('mosquitto_passwd', ['-b', passwd, user, password], { timeout: 10_000 });
  }
  chmodSync(passwd, 0o644);
  // The shipped ACL, copied beside it: the checkout may sit in a folder only root can enter (mktemp -d).
  const acl = join(dir, 'acl');
  writeFileSync(acl, readFileSync(join(SHIPPED_DIR, 'acl')));
  chmodSync(acl, 0o644);
  const persistence = join(dir, 'data');
  const config = rewriteShipped(readFileSync(join(SHIPPED_DIR, 'mosquitto.conf'), 'utf8'), {
    listeners: { '8883': port, '8884': certPort },
    password_file: passwd,
    acl_file: acl,
    cafile: pki.ca,
    certfile: pki.server.cert,
    keyfile: pki.server.key,
    persistence_location: `${persistence}/`,
  });
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, config);
  mkdirSync(persistence);
  chmodSync(persistence, 0o777);
  const { started, ...m } = launch(conf, dir);
  await started;
  return {
    ...m,
    url: `mqtts://127.0.0.1:${port}`,
    port,
    certUrl: `mqtts://127.0.0.1:${certPort}`,
    certPort,
    pki,
    passwords: opts.users,
    config,
  };
}

interface Rewrites {
  readonly listeners: Readonly<Record<string, number>>;
  readonly password_file: string;
  readonly acl_file: string;
  readonly cafile: string;
  readonly certfile: string;
  readonly keyfile: string;
  readonly persistence_location: string;
}

/** The shipped config with ports on loopback, paths to the test's files and the log on stderr. */
export function rewriteShipped(text: string, r: Rewrites): string {
  const seen = new Set<string>();
  const out = text.split('\n').map((line) => {
    const m = /^(\w+)\s+(.*)$/.exec(line.trim());
    if (!m || line.trimStart().startsWith('#')) return line;
    const [, key, value] = m;
    seen.add(key);
    if (key === 'listener') {
      const port = r.listeners[value.split(/\s+/)[0]];
      if (port === undefined) throw new Error(`shipped config has a listener the tests do not know: ${line}`);
      return `listener ${port} 127.0.0.1`;
    }
    if (key === 'log_dest') return 'log_dest stderr';
    if (key === 'password_file' || key === 'acl_file' || key === 'cafile' || key === 'certfile' || key === 'keyfile' || key === 'persistence_location') return `${key} ${r[key]}`;
    if (key.endsWith('file') || key.endsWith('_dir') || key === 'include_dir' || key === 'pid_file') throw new Error(`shipped config has a path the tests do not rewrite: ${line}`);
    return line;
  });
  for (const key of ['password_file', 'acl_file', 'listener']) if (!seen.has(key)) throw new Error(`shipped config lacks ${key}`);
  return out.join('\n');
}

/** mosquitto_pub / mosquitto_sub arguments for the shipped broker's password listener, as `user` (none: anonymous). */
export function cliArgs(m: ShippedMosquitto, user?: string): string[] {
  const base = ['-h', '127.0.0.1', '-p', String(m.port), '--cafile', m.pki.ca];
  if (user === undefined) return base;
  const password = m.passwords[user];
  if (password === undefined) throw new Error(`no password for ${user}`);
  return [...base, '-u', user, '-P', password];
}

/** The same for the client-certificate listener, with the certificate whose CN is `cn`. */
export function certCliArgs(m: ShippedMosquitto, cn: string): string[] {
  const pair = m.pki.clients[cn];
  if (!pair) throw new Error(`no client certificate for ${cn}`);
  return ['-h', '127.0.0.1', '-p', String(m.certPort), '--cafile', m.pki.ca, '--cert', pair.cert, '--key', pair.key];
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a mosquitto client tool to its end (bounded) and reports how it ended; never throws for a non-zero exit. */
export function runCli(cmd: 'mosquitto_pub' | 'mosquitto_sub', args: readonly string[], timeoutMs = 10_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`${cmd} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    p.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    p.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface SubMessage {
  readonly topic: string;
  readonly payload: string;
}

/** A long-running `mosquitto_sub -v` (add -d to see SUBACKs and redeliveries): an independent field device. */
export interface MosquittoSub {
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** The messages received, in order, redeliveries included. */
  messages(): readonly SubMessage[];
  /** Resolves when `check()` holds, re-checked on every output. */
  until(check: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startSub(args: readonly string[]): MosquittoSub {
  // mosquitto_sub does not flush stdout into a pipe; stdbuf (coreutils) makes it line-buffered.
  // stdbuf execs mosquitto_sub in place, so the pid is mosquitto_sub's.
  const p: ChildProcess = spawn('stdbuf', ['-oL', '-eL', 'mosquitto_sub', '-v', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let partial = '';
  const messages: SubMessage[] = [];
  const waiters = new Set<() => void>();
  const onData = (b: Buffer, isStdout: boolean): void => {
    const text = b.toString();
    out += text;
    if (isStdout) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        // -v prints "topic payload"; -d lines start with "Client"/"Subscribed" (no slash in the first word).
        const m = /^(\S*\/\S*) (.*)$/.exec(line);
        if (m) messages.push({ topic: m[1], payload: m[2] });
      }
    }
    for (const w of waiters) w();
  };
  p.stdout?.on('data', (b: Buffer) => onData(b, true));
  p.stderr?.on('data', (b: Buffer) => onData(b, false));
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  p.once('exit', () => {
    for (const w of waiters) w();
  });
  return {
    output: () => out,
    messages: () => messages,
    until: (check, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const test = (): void => {
          if (check()) {
            waiters.delete(test);
            clearTimeout(timer);
            resolve();
          } else if (p.exitCode !== null || p.signalCode !== null) {
            waiters.delete(test);
            clearTimeout(timer);
            reject(new Error(`mosquitto_sub exited (${p.exitCode ?? p.signalCode}):\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(test);
          reject(new Error(`mosquitto_sub: condition not met within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        waiters.add(test);
        test();
      }),
    stop: async () => {
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
      await exited;
    },
  };
}
