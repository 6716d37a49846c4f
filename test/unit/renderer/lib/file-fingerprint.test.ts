import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_MAX_BYTES, fileSize, fingerprint } from '../../../../renderer/src/lib/file-fingerprint';

describe('file fingerprint', () => {
  it('is the SHA-256 of the bytes, in lowercase hex', async () => {
    const bytes = new TextEncoder().encode('调解协议 — signed copy');
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await fingerprint(new Blob([bytes]), webcrypto.subtle as SubtleCrypto)).toBe(expected);
  });

  it('is absent without Web Crypto (not a secure context) and for files too big to read at once', async () => {
    expect(await fingerprint(new Blob(['x']), null)).toBeUndefined();
    const big = { size: FINGERPRINT_MAX_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await fingerprint(big, webcrypto.subtle as SubtleCrypto)).toBeUndefined();
  });

  it('writes sizes as people read them', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(3.1 * 1024 * 1024)).toBe('3.1 MB');
  });
});
