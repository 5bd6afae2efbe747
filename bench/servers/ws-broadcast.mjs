// The physical reference: a bare `ws` server that sends every text message to every socket of its room
// (`/?room=name`). No auth, no storage, no parsing.
import { WebSocketServer } from 'ws';
import { answerMemoryQueries } from './control.mjs';

const rooms = new Map();
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('connection', (socket, request) => {
  const name = new URL(request.url, 'http://x').searchParams.get('room') ?? '';
  const room = rooms.get(name) ?? new Set();
  rooms.set(name, room.add(socket));
  socket.on('message', (data, isBinary) => {
    for (const peer of room) peer.send(data, { binary: isBinary });
  });
  socket.on('close', () => room.delete(socket));
});
server.on('listening', () => console.log(`listening on ${server.address().port}`));
answerMemoryQueries();
process.once('SIGTERM', () => server.close(() => process.exit(0)));
