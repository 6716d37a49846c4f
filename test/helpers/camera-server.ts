/**
 * A local camera for tests: GET /snapshot.jpg (a JPEG-looking image), /video.mjpg (an endless
 * MJPEG multipart stream, one frame every 50 ms, each numbered), /live.m3u8 (an HLS playlist with
 * relative segments), /seg1.ts, and /page.html (HTML, which the relay must refuse). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CameraServer {
  readonly url: string;
  /** MJPEG viewers currently connected. */
  viewers(): number;
  close(): Promise<void>;
}

const JPEG = (n: number): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`frame-${n}`), Buffer.from([0xff, 0xd9])]);

export async function startCameraServer(): Promise<CameraServer> {
  let viewers = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://cam').pathname;
    if (path === '/snapshot.jpg') {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      res.end(JPEG(0));
    } else if (path === '/video.mjpg') {
      viewers++;
      res.writeHead(200, { 'Content-Type': 'multipart/x-mixed-replace; boundary=frame' });
      let n = 0;
      const send = (): void => {
        const f = JPEG(++n);
        res.write(`--frame\r\nContent-Type: image/jpeg\r\nContent-Length: ${f.length}\r\n\r\n`);
        res.write(f);
        res.write('\r\n');
      };
      send();
      const timer = setInterval(send, 50);
      res.on('close', () => {
        clearInterval(timer);
        viewers--;
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
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    viewers: () => viewers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
