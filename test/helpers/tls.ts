/**
 * A throwaway PKI for tests, made with the openssl command line: a CA, a server certificate for
 * 127.0.0.1 and localhost, and client certificates whose CN is the MQTT user name (Mosquitto's
 * use_identity_as_username). EC P-256 keys, valid for a day: the whole set takes milliseconds.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertPair {
  readonly cert: string;
  readonly key: string;
}

export interface TestPki {
  readonly dir: string;
  /** The CA certificate (PEM file) that signed everything below. */
  readonly ca: string;
  readonly server: CertPair;
  /** Client certificates by CN. */
  readonly clients: Readonly<Record<string, CertPair>>;
}

async function openssl(args: readonly string[]): Promise<void> {
  try {
    await run('openssl', [...args], { timeout: 15_000 });
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${err.stderr ?? err.message}`);
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function leaf(dir: string, name: string, cn: string, ext: string, ca: CertPair): Promise<CertPair> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const extFile = join(dir, `${name}.ext`);
  writeFileSync(extFile, ext);
  await openssl(['req', '-new', ...EC, '-keyout', key, '-out', csr, '-subj', `/CN=${cn}`]);
  await openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', `0x${randomSerial()}`, '-days', '1', '-out', cert, '-extfile', extFile]);
  return { cert, key };
}

function randomSerial(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Makes a CA, a server certificate (SAN 127.0.0.1, localhost) and one client certificate per CN. */
export async function makeTestPki(clientNames: readonly string[] = [], caName = 'Quanxiang Test CA'): Promise<TestPki> {
  const dir = mkdtempSync(join(tmpdir(), 'qx-pki-'));
  // Mosquitto started as root drops to its own user before it reads some files: let it read ours.
  chmodSync(dir, 0o755);
  const ca: CertPair = { cert: join(dir, 'ca.crt'), key: join(dir, 'ca.key') };
  await openssl([
    'req', '-x509', ...EC, '-keyout', ca.key, '-out', ca.cert, '-days', '1', '-subj', `/CN=${caName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const [server, ...clients] = await Promise.all([
    leaf(dir, 'server', 'localhost', 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n', ca),
    ...clientNames.map((cn, i) => leaf(dir, `client-${i}`, cn, 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n', ca)),
  ]);
  for (const f of [server.key, ...clients.map((c) => c.key)]) chmodSync(f, 0o644);
  return { dir, ca: ca.cert, server, clients: Object.fromEntries(clientNames.map((cn, i) => [cn, clients[i]])) };
}
