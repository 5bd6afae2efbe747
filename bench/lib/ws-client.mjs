// A minimal WebSocket client straight on `net`: the HTTP upgrade, masked text frames out, frames parsed
// in, ping answered. No library in the way, so one load generator can drive any server faster than
// client libraries could, and costs the same for every server it drives.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/** A zero masking key is a valid key (RFC 6455 §5.3) and spares the generator a XOR per byte. */
const ZERO_MASK = Buffer.alloc(4);

function frameHeader(opcode, length) {
  if (length < 126) return Buffer.from([0x80 | opcode, 0x80 | length]);
  if (length < 65536) {
    const header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

/** One client frame, masked with the zero key. */
export function clientFrame(payload, opcode = OP_TEXT) {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return Buffer.concat([frameHeader(opcode, body.length), ZERO_MASK, body]);
}

/**
 * Opens a socket to `ws://host:port{path}` and resolves once the upgrade answered 101.
 * `onMessage(payload: Buffer, client)` gets every text or binary message (fragments joined); `onClose()` once.
 */
export function openSocket({ host = '127.0.0.1', port, path, onMessage, onClose = () => {} }) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true });
    const key = randomBytes(16).toString('base64');
    let upgraded = false;
    let pending = null;
    let fragments = [];
    let closed = false;
    const finish = () => {
      if (closed) return;
      closed = true;
      onClose();
    };
    const client = {
      socket,
      send(text) {
        if (!socket.destroyed) socket.write(clientFrame(text));
      },
      /** Writes frames already built with {@link clientFrame}. */
      sendRaw(bytes) {
        if (!socket.destroyed) socket.write(bytes);
      },
      close() {
        if (!socket.destroyed) socket.end(clientFrame(Buffer.from([0x03, 0xe8]), OP_CLOSE));
        socket.destroy();
      },
    };

    const parseFrames = (buffer) => {
      let offset = 0;
      while (buffer.length - offset >= 2) {
        const first = buffer[offset];
        const second = buffer[offset + 1];
        let length = second & 0x7f;
        let start = offset + 2;
        if (length === 126) {
          if (buffer.length - offset < 4) break;
          length = buffer.readUInt16BE(offset + 2);
          start = offset + 4;
        } else if (length === 127) {
          if (buffer.length - offset < 10) break;
          length = Number(buffer.readBigUInt64BE(offset + 2));
          start = offset + 10;
        }
        if (second & 0x80) start += 4; // servers do not mask, but a mask would be skipped here
        if (buffer.length < start + length) break;
        const payload = buffer.subarray(start, start + length);
        offset = start + length;
        const opcode = first & 0x0f;
        const fin = (first & 0x80) !== 0;
        if (opcode === OP_PING) client.sendRaw(clientFrame(Buffer.from(payload), OP_PONG));
        else if (opcode === OP_CLOSE) socket.end();
        else if (opcode === OP_PONG) continue;
        else if (!fin || fragments.length > 0) {
          fragments.push(Buffer.from(payload));
          if (fin) {
            const whole = Buffer.concat(fragments);
            fragments = [];
            onMessage(whole, client);
          }
        } else onMessage(payload, client);
      }
      pending = offset < buffer.length ? Buffer.from(buffer.subarray(offset)) : null;
    };

    socket.on('data', (chunk) => {
      const buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      pending = null;
      if (upgraded) return parseFrames(buffer);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        pending = buffer;
        return;
      }
      const status = buffer.subarray(0, buffer.indexOf('\r\n')).toString();
      if (!/^HTTP\/1\.1 101/.test(status)) {
        socket.destroy();
        return reject(
          new Error(
            `upgrade refused: ${status} ${buffer
              .subarray(end + 4)
              .toString()
              .slice(0, 200)}`,
          ),
        );
      }
      upgraded = true;
      resolve(client);
      if (end + 4 < buffer.length) parseFrames(buffer.subarray(end + 4));
    });
    socket.on('error', (error) => {
      if (!upgraded) reject(error);
      finish();
    });
    socket.on('close', finish);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}
