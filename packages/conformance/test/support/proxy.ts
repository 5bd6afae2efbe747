import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * Decides what a client receives for each frame the server sends on one socket: `deliver` passes text on
 * (call it zero times to drop a frame, later to delay it). One instance per socket.
 */
export type FrameFilter = () => (frame: string, deliver: (frame: string) => void) => void;

/** A proxy in front of a server. */
export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/** Passes every frame on unchanged. */
export const passThrough: FrameFilter = () => (frame, deliver) => deliver(frame);

const isEvent = (frame: string): boolean => frame.startsWith('{"type":"event"');

/** Drops the `nth` `event` frame of each socket. */
export const dropNthEvent =
  (nth: number): FrameFilter =>
  () => {
    let events = 0;
    return (frame, deliver) => {
      if (isEvent(frame) && ++events === nth) return;
      deliver(frame);
    };
  };

/**
 * Swaps the `nth` `event` frame of each socket with the next event. Other frames (acks, presence) pass while
 * it is held — a presence frame landing between the two must not cancel the swap — and when no event comes
 * within 2 s (long enough for the next event on a loaded machine), the held frame is delivered unchanged.
 */
export const swapNthEvent =
  (nth: number): FrameFilter =>
  () => {
    let events = 0;
    let held: { frame: string; timer: NodeJS.Timeout } | undefined;
    return (frame, deliver) => {
      const event = isEvent(frame);
      if (event) events += 1;
      if (held && event) {
        clearTimeout(held.timer);
        const previous = held.frame;
        held = undefined;
        deliver(frame);
        deliver(previous);
        return;
      }
      if (event && events === nth) {
        const timer = setTimeout(() => {
          held = undefined;
          deliver(frame);
        }, 2000);
        held = { frame, timer };
        held.timer.unref();
        return;
      }
      deliver(frame);
    };
  };

function refuse(socket: Duplex, status: number, headers: IncomingMessage['headers'], body: Buffer): void {
  const lines = [`HTTP/1.1 ${status} Refused`];
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !['connection', 'transfer-encoding', 'content-length'].includes(name))
      lines.push(`${name}: ${value}`);
  }
  lines.push(`content-length: ${body.length}`, 'connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n')), body]));
}

/**
 * An HTTP and WebSocket proxy on an ephemeral port that passes everything to `target`, except that each
 * socket's server frames go through `filter`.
 */
export async function startProxy(target: string, filter: FrameFilter = passThrough): Promise<Proxy> {
  const upstream = new URL(target);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 << 20 });
  const sockets = new Set<WebSocket>();

  const server = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = `${target.replace(/^http/, 'ws')}${req.url ?? '/'}`;
    const headers = req.headers.origin ? { origin: req.headers.origin } : {};
    const backend = new WebSocket(url, { headers, maxPayload: 4 << 20 });
    sockets.add(backend);
    backend.on('close', () => sockets.delete(backend));
    backend.once('unexpected-response', (_request, reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('end', () => refuse(socket, reply.statusCode ?? 502, reply.headers, Buffer.concat(chunks)));
    });
    backend.once('error', () => {
      if (!socket.writableEnded) socket.destroy();
    });
    backend.once('open', () => {
      wss.handleUpgrade(req, socket, head, (client) => {
        sockets.add(client);
        const pass = filter();
        backend.on('message', (data, isBinary) => {
          if (isBinary) return client.send(data, { binary: true });
          pass(data.toString(), (frame) => {
            if (client.readyState === WebSocket.OPEN) client.send(frame);
          });
        });
        client.on('message', (data, isBinary) => {
          if (backend.readyState === WebSocket.OPEN) backend.send(data, { binary: isBinary });
        });
        const closeBoth = (code: number, reason: Buffer) => {
          const safe = code === 1005 || code === 1006 ? 1000 : code;
          for (const ws of [client, backend]) if (ws.readyState === WebSocket.OPEN) ws.close(safe, reason);
        };
        client.on('close', closeBoth);
        backend.on('close', closeBoth);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => {});
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
