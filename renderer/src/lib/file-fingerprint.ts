/**
 * A file's SHA-256 (lowercase hex), computed in the page: a case records which file was attached
 * (name, type, size, fingerprint), not the file itself, so that later anyone can check that the
 * file kept in the evidence store is the one attached. Web Crypto exists only in a secure context
 * (the Electron console, or the web host over https or on this machine); elsewhere, and for files
 * too big to read at once, there is no fingerprint (undefined).
 */

/** Larger files are attached without a fingerprint (reading one means holding it in memory). */
export const FINGERPRINT_MAX_BYTES = 256 * 1024 * 1024;

export async function fingerprint(file: Blob, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<string | undefined> {
  if (!subtle || file.size > FINGERPRINT_MAX_BYTES) return undefined;
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A size as people read it: 512 B, 14.2 KB, 3.1 MB, 1.2 GB (1 KB = 1,024 bytes). */
export function fileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${n.toFixed(1)} ${units[u]}`;
}
