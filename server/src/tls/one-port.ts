import http from 'node:http';
import type https from 'node:https';
import net from 'node:net';

/** The first byte of a TLS handshake record. */
const TLS_HANDSHAKE = 0x16;

/**
 * One port for both schemes. A connection that opens with a TLS handshake goes to the HTTPS
 * server; anything else is plain HTTP and gets a redirect to the same address over HTTPS, so a
 * phone given `http://192.168.1.20:8787` still lands on the app (in a secure context, where the
 * camera and the service worker are allowed).
 */
export function onePortServer(secure: https.Server): net.Server {
  const redirect = http.createServer((req, res) => {
    const host = req.headers.host ?? 'localhost';
    res.writeHead(308, {
      Location: `https://${host}${req.url ?? '/'}`,
      'Content-Type': 'text/plain; charset=utf-8',
      Connection: 'close',
    });
    res.end('This server speaks HTTPS only.\n');
  });
  return net.createServer((socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : redirect).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
}
