// Socket.IO's room broadcast: each socket joins the room named in its handshake (`?room=name`); an `m`
// event is emitted to the whole room.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerMemoryQueries } from './control.mjs';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room ?? '');
  socket.join(room);
  socket.on('m', (text) => io.to(room).emit('m', text));
});
http.listen(0, '127.0.0.1', () => console.log(`listening on ${http.address().port}`));
answerMemoryQueries();
process.once('SIGTERM', () => io.close(() => process.exit(0)));
