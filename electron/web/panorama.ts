/** The web host's side of the panorama paths (tiles, camera feeds): a MediaResponse onto Node's response. */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { MediaResponse } from '../core/panorama/cameras.js';

export function sendMedia(res: ServerResponse, m: MediaResponse): void {
  res.writeHead(m.status, { 'X-Content-Type-Options': 'nosniff', ...m.headers });
  if (Buffer.isBuffer(m.body)) {
    res.end(m.body);
    return;
  }
  const stream = Readable.fromWeb(m.body);
  // A viewer that closes the feed stops the relay from the camera.
  res.on('close', () => {
    m.abort?.();
    stream.destroy();
  });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
