/**
 * How the console reaches an external broker: TLS files (CA, client certificate and key),
 * credentials, protocol and reconnect policy. The files are read and checked once, at start,
 * with errors that name the file and the option; the password comes from the environment
 * (QX_BROKER_PASSWORD) or a file, never from the command line (argv is visible to every user
 * of the machine in `ps`), and it is never part of a log line, a diagnostic or the LinkView.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { checkBackoffPolicy, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';

export const PASSWORD_ENV = 'QX_BROKER_PASSWORD';

/** MQTT protocol choice. auto: MQTT 5, falling back to 3.1.1 when the broker refuses 5. */
export type BrokerProtocol = 'auto' | '5' | '3.1.1';

export interface BrokerSettings {
  /** PEM file of the CA (bundle) that signed the broker's certificate; needs a TLS URL. */
  readonly caFile?: string;
  /** PEM client certificate and its unencrypted private key, for brokers that identify clients by certificate. */
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly username?: string;
  /** Secret. Never logged or shown. */
  readonly password?: string;
  /** Default auto. The embedded broker (Aedes) always gets 3.1.1. */
  readonly protocol?: BrokerProtocol;
  /** Reconnect backoff (default 0.5 s doubling to a 30 s cap, full jitter). */
  readonly reconnect?: BackoffPolicy;
  /** MQTT 5 session expiry: how long the broker keeps the console's session (and QoS 1 messages for it) while it is away. Default 7 days. */
  readonly sessionExpirySec?: number;
  /** Give up a connection attempt without CONNACK after this long (default 10 s). */
  readonly connectTimeoutMs?: number;
}

export class BrokerConfigError extends Error {
  override name = 'BrokerConfigError';
}

/** Everything the link needs to connect, files read. */
export interface BrokerConnection {
  /** The URL's scheme is TLS (mqtts, ssl, tls, wss). */
  readonly secure: boolean;
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  /** SNI name: the URL's host unless it is an IP address (RFC 6066 forbids IP addresses there). */
  readonly servername?: string;
  readonly username?: string;
  readonly password?: string;
  readonly protocol: BrokerProtocol;
  readonly reconnect: BackoffPolicy;
  readonly sessionExpirySec: number;
  readonly connectTimeoutMs: number;
}

export const DEFAULT_SESSION_EXPIRY_S = 7 * 24 * 3600;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

const TLS_SCHEMES: ReadonlySet<string> = new Set(['mqtts:', 'ssl:', 'tls:', 'wss:']);
const SCHEMES: ReadonlySet<string> = new Set(['mqtt:', 'tcp:', 'ws:', ...TLS_SCHEMES]);

/** The user name the URL carries (mqtt://user:pass@host), decoded; undefined when none. */
export function urlUser(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.username ? decodeURIComponent(u.username) : undefined;
  } catch {
    return undefined;
  }
}

/** What is wrong with these settings for this URL, without reading any file; empty when fine. */
export function brokerSettingsProblems(url: string, s: BrokerSettings): string[] {
  const problems: string[] = [];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [`the broker URL "${url}" is not a URL`];
  }
  if (!SCHEMES.has(u.protocol)) problems.push(`the broker URL must start with mqtt://, mqtts://, ws:// or wss://, not ${u.protocol}//`);
  const tlsFiles = [s.caFile && '--broker-ca', s.certFile && '--broker-cert', s.keyFile && '--broker-key'].filter(Boolean);
  if (tlsFiles.length > 0 && !TLS_SCHEMES.has(u.protocol))
    problems.push(`${tlsFiles.join(', ')} need${tlsFiles.length === 1 ? 's' : ''} a TLS broker URL (mqtts:// or wss://), not ${u.protocol}//`);
  if ((s.certFile === undefined) !== (s.keyFile === undefined)) problems.push('--broker-cert and --broker-key go together');
  if (s.username !== undefined) {
    if (u.username) problems.push('give the broker user in the URL or with --broker-user, not both');
    if (s.username.length === 0 || s.username.length > 256 || /[\p{Cc}]/u.test(s.username))
      problems.push('the broker user name must be 1–256 characters without control characters');
  }
  if (s.password !== undefined) {
    if (u.password) problems.push('the broker URL already carries a password; drop it from the URL (it would show in process lists)');
    if (s.username === undefined && !u.username) problems.push('a broker password needs a user name (--broker-user)');
    if (s.password.length === 0) problems.push('the broker password is empty');
  }
  if (s.reconnect) {
    const p = checkBackoffPolicy(s.reconnect);
    if (p) problems.push(p);
  }
  if (s.sessionExpirySec !== undefined && (!Number.isInteger(s.sessionExpirySec) || s.sessionExpirySec < 0 || s.sessionExpirySec > 0xffff_ffff))
    problems.push('the session expiry must be a whole number of seconds from 0 to 4294967295');
  if (s.connectTimeoutMs !== undefined && (!Number.isInteger(s.connectTimeoutMs) || s.connectTimeoutMs < 100))
    problems.push('the connect timeout must be a whole number of ms ≥ 100');
  return problems;
}

function readFile(what: string, flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new BrokerConfigError(`cannot read the ${what} (${flag}) ${path}: ${err.code ?? err.message}`);
  }
}

function certificate(what: string, flag: string, path: string, pem: Buffer): X509Certificate {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new BrokerConfigError(`the ${what} (${flag}) ${path} is not a PEM certificate`);
  try {
    return new X509Certificate(pem);
  } catch (e) {
    throw new BrokerConfigError(`the ${what} (${flag}) ${path} is not a valid certificate: ${(e as Error).message}`);
  }
}

function privateKey(path: string, pem: Buffer): KeyObject {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem.toString('latin1'))) throw new BrokerConfigError(`the client key (--broker-key) ${path} is not a PEM private key`);
  try {
    return createPrivateKey(pem);
  } catch (e) {
    const msg = (e as Error).message;
    if (/passphrase/i.test(msg)) throw new BrokerConfigError(`the client key (--broker-key) ${path} is encrypted; give an unencrypted key (protect it with file permissions)`);
    throw new BrokerConfigError(`the client key (--broker-key) ${path} cannot be read: ${msg}`);
  }
}

/**
 * Checks the settings and reads the TLS files once. Throws BrokerConfigError naming the file and
 * the option: unreadable, not PEM, key not matching the certificate, certificate expired.
 */
export function loadBrokerConnection(url: string, s: BrokerSettings = {}, now: () => number = Date.now): BrokerConnection {
  const problems = brokerSettingsProblems(url, s);
  if (problems.length > 0) throw new BrokerConfigError(problems.join('; '));
  const u = new URL(url);
  let ca: Buffer | undefined;
  let cert: Buffer | undefined;
  let key: Buffer | undefined;
  if (s.caFile !== undefined) {
    ca = readFile('broker CA file', '--broker-ca', s.caFile);
    certificate('broker CA file', '--broker-ca', s.caFile, ca);
  }
  if (s.certFile !== undefined && s.keyFile !== undefined) {
    cert = readFile('client certificate', '--broker-cert', s.certFile);
    key = readFile('client key', '--broker-key', s.keyFile);
    const x509 = certificate('client certificate', '--broker-cert', s.certFile, cert);
    const k = privateKey(s.keyFile, key);
    if (!x509.checkPrivateKey(k)) throw new BrokerConfigError(`the client key (--broker-key) ${s.keyFile} does not belong to the certificate ${s.certFile}`);
    if (Date.parse(x509.validTo) < now()) throw new BrokerConfigError(`the client certificate (--broker-cert) ${s.certFile} expired on ${x509.validTo}`);
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    secure: TLS_SCHEMES.has(u.protocol),
    ca,
    cert,
    key,
    servername: isIP(host) === 0 ? host : undefined,
    username: s.username ?? urlUser(url),
    password: s.password,
    protocol: s.protocol ?? 'auto',
    reconnect: s.reconnect ?? DEFAULT_BACKOFF,
    sessionExpirySec: s.sessionExpirySec ?? DEFAULT_SESSION_EXPIRY_S,
    connectTimeoutMs: s.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  };
}

/**
 * The broker password: the first line of `file` when given, else QX_BROKER_PASSWORD, else none.
 * Giving both is an error (which one would win is not obvious to whoever reads the start-up).
 */
export function readBrokerPassword(file: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env[PASSWORD_ENV];
  if (file === undefined) return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  if (fromEnv !== undefined && fromEnv !== '') throw new BrokerConfigError(`give ${PASSWORD_ENV} or --broker-password-file, not both`);
  const text = readFile('broker password file', '--broker-password-file', file).toString('utf8');
  const first = text.split(/\r?\n/, 1)[0];
  if (!first) throw new BrokerConfigError(`the broker password file (--broker-password-file) ${file} is empty`);
  return first;
}
