/**
 * A local camera for tests, on a free port of 127.0.0.1. By default its images are small
 * JPEG-looking byte strings numbered per frame (integration tests compare bytes); with `colours`
 * they are solid PNGs (Chromium decodes any image part of a multipart stream, so an e2e test
 * reads the colour on screen). Paths:
 * - `/snapshot`, `/snapshot.jpg`: one still image;
 * - `/stream`, `/video.mjpg`: an endless multipart/x-mixed-replace (MJPEG-style) stream;
 * - `/live.m3u8` (an HLS playlist: one relative segment and one on another host), `/seg1.ts`;
 * - `/page.html`: HTML, which the console's relay must refuse.
 * It counts frames and snapshots served and the stream viewers connected.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { solidPng } from './tiles';

export interface CameraServer {
  readonly url: string;
  /** Frames sent on streams, snapshots served. */
  readonly served: { frames: number; snapshots: number };
  /** Stream viewers connected now. */
  viewers(): number;
  close(): Promise<void>;
}

type Rgb = readonly [number, number, number];

interface Image {
  readonly type: string;
  readonly data: Buffer;
}

const jpeg = (n: number): Image => ({
  type: 'image/jpeg',
  data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`frame-${n}`), Buffer.from([0xff, 0xd9])]),
});

export async function startCameraServer(colours?: { stream: Rgb; snapshot: Rgb }): Promise<CameraServer> {
  const png = (c: Rgb): Image => ({ type: 'image/png', data: solidPng(c) });
  const colourFrame = colours ? png(colours.stream) : null;
  const frame = (n: number): Image => colourFrame ?? jpeg(n);
  const still = colours ? png(colours.snapshot) : jpeg(0);
  const frameMs = colours ? 250 : 50;
  const served = { frames: 0, snapshots: 0 };
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://cam').pathname;
    if (path === '/snapshot' || path === '/snapshot.jpg') {
      served.snapshots += 1;
      res.writeHead(200, { 'Content-Type': still.type, 'Content-Length': still.data.length, 'Cache-Control': 'no-store' });
      res.end(still.data);
    } else if (path === '/stream' || path === '/video.mjpg') {
      res.writeHead(200, { 'Content-Type': 'multipart/x-mixed-replace; boundary=qxframe', 'Cache-Control': 'no-store' });
      open.add(res);
      let n = 0;
      const send = (): void => {
        const f = frame(++n);
        served.frames += 1;
        res.write(`--qxframe\r\nContent-Type: ${f.type}\r\nContent-Length: ${f.data.length}\r\n\r\n`);
        res.write(f.data);
        res.write('\r\n');
      };
      send();
      const timer = setInterval(send, frameMs);
      res.on('close', () => {
        clearInterval(timer);
        open.delete(res);
      });
    } else if (path === '/live.m3u8') {
      res.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' });
      res.end('#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg1.ts\n#EXTINF:2.0,\nhttp://203.0.113.9/evil.ts\n');
    } else if (path === '/seg1.ts') {
      res.writeHead(200, { 'Content-Type': 'video/mp2t' });
      res.end(Buffer.from('G-segment'));
    } else if (path === '/page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<script>alert(1)</script>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    viewers: () => open.size,
    close: async () => {
      for (const r of open) r.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
