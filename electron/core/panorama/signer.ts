/**
 * Signed same-origin paths for what <img>/<video> elements load (tiles, camera feeds): they cannot
 * send the bearer token, so the API hands out paths carrying an HMAC of the path and an expiry,
 * made with a secret that never leaves the process. The web host and app:// check them.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class UrlSigner {
  private readonly secret: Buffer;

  constructor(
    private readonly now: () => number,
    secret?: Buffer,
  ) {
    this.secret = secret ?? randomBytes(32);
  }

  private mac(path: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${exp}`).digest('base64url').slice(0, 32);
  }

  /** `path?exp=…&sig=…`, valid for `ttlMs`. The path is what follows the origin, without a leading slash. */
  sign(path: string, ttlMs: number): string {
    const exp = Math.ceil((this.now() + ttlMs) / 1000);
    return `${path}?exp=${exp}&sig=${this.mac(path, exp)}`;
  }

  /** True when `sig` was made for `scope` (the signed path or a prefix signed with a trailing /) and has not expired. */
  verify(scope: string, exp: string | null, sig: string | null): boolean {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
    const e = Number(exp);
    if (e * 1000 < this.now()) return false;
    const want = Buffer.from(this.mac(scope, e));
    const got = Buffer.from(sig);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}
