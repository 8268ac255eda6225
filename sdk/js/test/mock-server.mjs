// A stand-in for Parley's signaling, for the SDK's smoke test (test/smoke.html): speaks
// docs/signaling.md for two members of one call or room, and instead of an SFU relays one
// member's publish offer to the other as a subscribe offer (and the answer back), so media
// flows peer to peer. The token is the identity. Not a server: no auth, no checks.
//
//   node test/mock-server.mjs [port]      then open http://localhost:<port>/ in Chromium;
//   the page POSTs its results to /result and the process exits 0 when all passed.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] ?? 18095);
const sockets = new Map(); // identity -> socket
let nextId = 1;
/** Two-member groups: a call (one callId) or a room (a callId per member). */
const groups = new Map(); // callId -> group
const rooms = new Map(); // room name -> group

// ---- a minimal WebSocket server (RFC 6455, text frames only) -------------------------------
function upgrade(req, socket) {
  const key = req.headers['sec-websocket-key'];
  const accept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const op = buf[0] & 0x0f;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
      if (buf.length < off + 4 + len) return;
      const mask = buf.subarray(off, off + 4);
      const data = Buffer.from(buf.subarray(off + 4, off + 4 + len));
      for (let i = 0; i < data.length; i++) data[i] ^= mask[i % 4];
      buf = buf.subarray(off + 4 + len);
      if (op === 8) { socket.end(); return; }
      if (op === 1) socket.emit('message', JSON.parse(data.toString('utf8')));
    }
  });
  socket.sendJson = (obj) => {
    const payload = Buffer.from(JSON.stringify(obj));
    const head = payload.length < 126 ? Buffer.from([0x81, payload.length])
      : payload.length < 65536 ? Buffer.from([0x81, 126, payload.length >> 8, payload.length & 255])
        : (() => { const h = Buffer.alloc(10); h[0] = 0x81; h[1] = 127; h.writeBigUInt64BE(BigInt(payload.length), 2); return h; })();
    if (!socket.destroyed) socket.write(Buffer.concat([head, payload]));
  };
  return socket;
}

// ---- signaling -----------------------------------------------------------------------------
const send = (identity, msg) => sockets.get(identity)?.sendJson(msg);
const other = (g, me) => g.members.find((m) => m.identity !== me);
const self = (g, me) => g.members.find((m) => m.identity === me);
const participant = (m) => ({ identity: m.identity, displayName: m.identity, audioMuted: m.audioMuted, camera: m.camera, screenShare: m.screenShare });

function relayOffer(g, from) {
  const to = other(g, from.identity);
  if (!from.offer || !to || !g.established) return;
  const tracks = Object.entries(from.offer.sources).map(([mid, source]) => ({ mid, participant: from.identity, source }));
  send(to.identity, { type: 'subscribe-offer', callId: to.callId, sdp: from.offer.sdp, tracks });
  from.offer = null;
}

function end(g, code) {
  for (const m of g.members) {
    send(m.identity, g.room
      ? { type: 'room-left', callId: m.callId, errorCode: code }
      : { type: 'call-ended', callId: m.callId, errorCode: code, duration: g.start ? Date.now() - g.start : 0 });
  }
  for (const m of g.members) groups.delete(m.callId);
  if (g.room) rooms.delete(g.room);
}

const code = (id, name) => ({ id, name, description: name.toLowerCase() });

function onMessage(identity, m) {
  const g = m.callId ? groups.get(m.callId) : undefined;
  const me = g ? self(g, identity) : undefined;
  switch (m.type) {
    case 'ping': return send(identity, { type: 'pong' });
    case 'call': {
      if (!sockets.has(m.to)) return send(identity, { type: 'error', requestId: m.requestId, errorCode: code(10304, 'DESTINATION_UNAVAILABLE') });
      const callId = `c-${nextId++}`;
      const grp = { members: [{ identity, callId, camera: !!m.video }, { identity: m.to, callId, camera: false }], established: false };
      groups.set(callId, grp);
      send(identity, { type: 'call-created', requestId: m.requestId, callId, from: identity, to: m.to });
      send(m.to, { type: 'incoming-call', callId, from: identity, fromDisplayName: identity.toUpperCase(), video: !!m.video, customData: m.customData ?? {} });
      return send(identity, { type: 'call-ringing', callId });
    }
    case 'accept':
      g.established = true;
      g.start = Date.now();
      for (const x of g.members) send(x.identity, { type: 'call-established', callId: x.callId, startTime: new Date().toISOString() });
      for (const x of g.members) relayOffer(g, x);
      return;
    case 'decline': return end(g, code(10203, 'REJECTED'));
    case 'hangup': return end(g, g.established ? code(10000, 'NORMAL_HANGUP') : code(10202, 'CANCELLED'));
    case 'join-room': {
      let grp = rooms.get(m.room);
      if (!grp) { grp = { room: m.room, members: [], established: true }; rooms.set(m.room, grp); }
      const callId = `r-${nextId++}`;
      const member = { identity, callId, camera: !!m.video, audioMuted: false, screenShare: false };
      send(identity, { type: 'room-joined', requestId: m.requestId, callId, room: m.room, participants: grp.members.map(participant) });
      for (const x of grp.members) send(x.identity, { type: 'participant-joined', callId: x.callId, participant: participant(member) });
      grp.members.push(member);
      groups.set(callId, grp);
      for (const x of grp.members) relayOffer(grp, x);
      return;
    }
    case 'leave-room': {
      send(identity, { type: 'room-left', callId: m.callId, errorCode: code(10000, 'NORMAL_HANGUP') });
      groups.delete(m.callId);
      g.members = g.members.filter((x) => x !== me);
      for (const x of g.members) send(x.identity, { type: 'participant-left', callId: x.callId, participant: participant(me) });
      if (g.members.length === 0) rooms.delete(g.room);
      return;
    }
    case 'publish':
      me.offer = { sdp: m.sdp, sources: m.sources };
      me.publishSdp = m.sdp;
      return relayOffer(g, me);
    case 'subscribe-answer': {
      const from = other(g, identity);
      return send(from.identity, { type: 'publish-answer', callId: from.callId, sdp: m.sdp });
    }
    case 'media-state': {
      Object.assign(me, { audioMuted: m.audioMuted, camera: m.camera, screenShare: m.screenShare });
      const to = other(g, identity);
      if (to) send(to.identity, { type: 'participant-media', callId: to.callId, participant: participant(me) });
      return;
    }
    case 'hold':
      for (const x of g.members) send(x.identity, { type: 'hold-changed', callId: x.callId, onHold: m.onHold, by: identity });
      return;
    case 'resubscribe': return;
    default:
      return send(identity, { type: 'error', requestId: m.requestId, callId: m.callId, errorCode: code(10400, 'INVALID_REQUEST') });
  }
}

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/result') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.end('ok');
      const result = JSON.parse(body);
      for (const line of result.log) console.log(line);
      console.log(result.ok ? 'SMOKE TEST PASSED' : 'SMOKE TEST FAILED');
      process.exit(result.ok ? 0 : 1);
    });
    return;
  }
  if (req.method === 'POST' && req.url === '/demo/token') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const { identity } = JSON.parse(body);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: identity, identity, expiresAt: new Date(Date.now() + 3600e3).toISOString() }));
    });
    return;
  }
  // The demo app (platform/src/main/resources/public/app) for test/demo.html.
  const app = join(here, '..', '..', '..', 'platform', 'src', 'main', 'resources', 'public', 'app');
  const files = {
    '/sdk/parley.js': join(here, '..', 'dist', 'parley.js'),
    '/': join(here, process.env.SMOKE_PAGE ?? 'smoke.html'),
    '/index.html': join(app, 'index.html'),
    '/app.js': join(app, 'app.js'),
    '/app.css': join(app, 'app.css'),
  };
  const file = files[req.url];
  if (!file) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html' });
  res.end(readFileSync(file));
});
server.on('upgrade', (req, socket) => {
  const identity = new URL(req.url, 'http://x').searchParams.get('token');
  const ws = upgrade(req, socket);
  ws.on('message', (m) => {
    if (m.type === 'register') {
      sockets.set(identity, ws);
      const resumed = m.resume === `s-${identity}`;
      const calls = [];
      if (resumed) {
        for (const [callId, g] of groups) {
          if (g.members.some((x) => x.identity === identity && x.callId === callId)) {
            calls.push({ callId, kind: g.room ? 'room' : 'call', status: g.established ? 'ESTABLISHED' : 'RINGING' });
          }
        }
      }
      return ws.sendJson({ type: 'registered', sessionId: `s-${identity}`, identity, displayName: identity.toUpperCase(),
        heartbeatIntervalMs: 5000, heartbeatTimeoutMs: 15000, iceServers: [], resumed, calls });
    }
    try { onMessage(identity, m); } catch (e) { console.error('mock:', m.type, e); }
  });
});
server.listen(port, () => console.log(`mock signaling on http://localhost:${port}/`));
setTimeout(() => { console.log('SMOKE TEST TIMED OUT'); process.exit(2); }, 90_000);
