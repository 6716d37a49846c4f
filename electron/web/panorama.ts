/** The web host's side of the panorama paths (tiles, camera feeds): a MediaResponse onto Node's response. */
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { MediaResponse } from '../core/panorama/cameras.js';

export function sendMedia(res: ServerResponse, m: MediaResponse): void {
  res.writeHead(m.status, { 'X-Content-Type-Options': 'nosniff', ...m.headers });
  if (Buffer.isBuffer(m.body)) {
    res.end(m.body);
    return;
  }
  const reader = m.body.getReader();
  // A viewer that closes the feed stops the relay from the camera.
  res.on('close', () => {
    m.abort?.();
    reader.cancel().catch(() => undefined);
  });
  const pump = async (): Promise<void> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await once(res, 'drain');
    }
    res.end();
  };
  pump().catch(() => res.destroy());
}
