/** Starts a real Mosquitto broker for a test, on a free loopback port, with a config of the test's. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

export interface Mosquitto {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Everything Mosquitto logged so far. */
  log(): string;
  stop(): Promise<void>;
}

/** `extraConfig` lines go after the listener (e.g. TLS or ACL settings). */
export async function startMosquitto(opts: { port?: number; config?: (port: number, dir: string) => string } = {}): Promise<Mosquitto> {
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'qx-mosq-'));
  const conf = join(dir, 'mosquitto.conf');
  const body = opts.config?.(port, dir) ?? `listener ${port} 127.0.0.1\nallow_anonymous true\n`;
  writeFileSync(conf, `per_listener_settings false\npersistence false\nlog_dest stderr\nlog_type error\nlog_type warning\nlog_type notice\nlog_type information\n${body}`);
  const proc: ChildProcess = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer): void => {
      log += b.toString();
      if (/mosquitto version \S+ running/.test(log)) resolve();
    };
    proc.stderr?.on('data', onData);
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`mosquitto exited with ${code ?? 'signal'}:\n${log}`)));
    proc.once('error', reject);
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
