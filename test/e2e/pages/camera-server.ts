/**
 * A local camera for tests: an MJPEG-style stream (multipart/x-mixed-replace of PNG frames, as
 * Chromium decodes any image part) at /stream and a snapshot image at /snapshot, on a free port
 * of 127.0.0.1. Counts what it served, so a test can tell the console relayed it.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { solidPng } from './tile-files';

export interface CameraServer {
  readonly url: string;
  /** Frames sent on streams, snapshots served. */
  readonly served: { frames: number; snapshots: number };
  close(): Promise<void>;
}

export async function startCameraServer(stream: readonly [number, number, number], snapshot: readonly [number, number, number]): Promise<CameraServer> {
  const frame = solidPng(stream);
  const still = solidPng(snapshot);
  const served = { frames: 0, snapshots: 0 };
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/snapshot')) {
      served.snapshots += 1;
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': still.length, 'Cache-Control': 'no-store' });
      res.end(still);
      return;
    }
    if (!req.url?.startsWith('/stream')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'multipart/x-mixed-replace; boundary=qxframe', 'Cache-Control': 'no-store' });
    open.add(res);
    const send = (): void => {
      served.frames += 1;
      res.write(`--qxframe\r\nContent-Type: image/png\r\nContent-Length: ${frame.length}\r\n\r\n`);
      res.write(frame);
      res.write('\r\n');
    };
    send();
    const timer = setInterval(send, 250);
    res.on('close', () => {
      clearInterval(timer);
      open.delete(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: async () => {
      for (const r of open) r.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
