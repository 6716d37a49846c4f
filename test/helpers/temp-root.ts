import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder for a whole run (the test run, a bench): `os.tmpdir()` points into it from now on, in this
 * process and in the processes it starts, so the databases, broker configurations, certificates and browser
 * profiles the run makes go with it. Returns what removes it (and puts `TMPDIR` back).
 */
export function tempRoot(prefix: string): () => void {
  const root = mkdtempSync(join(tmpdir(), prefix));
  // Traversable by others, as /tmp is: a Mosquitto started as root drops to its own user and must reach the
  // configuration, passwords and certificates the tests write below (each such folder opens itself to it).
  chmodSync(root, 0o755);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
