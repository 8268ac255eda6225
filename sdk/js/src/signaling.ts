/**
 * The WebSocket to the server (docs/signaling.md, "Connecting", "Registration and heartbeat",
 * "Losing the network, and coming back"): registers, pings, answers requests by `requestId`,
 * and when the socket drops reconnects with `register {resume}`.
 */
import { Emitter } from './events.js';
import { errorCode, ErrorCode, ParleyError, toErrorCode } from './errors.js';

/** A message from or to the server: one JSON object with a `type`. */
export type Message = { type: string; [field: string]: unknown };

export interface Registered {
  sessionId: string;
  identity: string;
  displayName: string;
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  iceServers: RTCIceServer[];
  resumed: boolean;
  calls: { callId: string; kind: 'call' | 'room'; status: string }[];
}

export interface SocketEvents {
  /** Registered on a fresh session (first connect, or a resume the server no longer held). */
  registered: Registered;
  /** A message other than registered/pong/replies. */
  message: Message;
  /** The socket dropped; reconnecting. */
  reconnecting: { code: number; reason: string };
  /** Registered again after a drop; `resumed` says whether the session (and its calls) lived. */
  reconnected: Registered;
  /** Closed for good: by disconnect(), a fatal close code, or reconnection gave up. */
  closed: { code: number; reason: string; errorCode: ErrorCode };
}

const SESSION_HOLD_MS = 30_000;
const GIVE_UP_AFTER_MS = 5 * 60_000;
const FATAL_CLOSE_CODES = new Set([4400, 4401, 4409]);
let requestCounter = 0;

export class SignalingSocket extends Emitter<SocketEvents> {
  private ws: WebSocket | null = null;
  private session: Registered | null = null;
  private closedByUser = false;
  private reconnectingSince = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private lastReceived = 0;
  private readonly pending = new Map<string, { resolve: (m: Message) => void; reject: (e: ParleyError) => void }>();

  constructor(private wsUrl: string) {
    super();
  }

  /** The URL later connections and reconnections use (e.g. with a fresh token). */
  setUrl(wsUrl: string): void {
    this.wsUrl = wsUrl;
  }

  get registration(): Registered | null {
    return this.session;
  }

  /** True when registered on an open socket. */
  get ready(): boolean {
    return this.session !== null && this.ws?.readyState === WebSocket.OPEN && this.reconnectingSince === 0;
  }

  /** Opens the socket and registers; resolves with the registration, rejects on failure. */
  connect(): Promise<Registered> {
    this.closedByUser = false;
    return new Promise((resolve, reject) => {
      this.open(undefined, resolve, reject);
    });
  }

  /** Closes the socket for good (no reconnection). */
  close(): void {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'client disconnected');
    this.finish(1000, 'client disconnected', errorCode('NORMAL_HANGUP', 'the client disconnected'));
  }

  /** Sends a message; false when the socket is not registered (the message is dropped). */
  send(message: Message): boolean {
    if (!this.ready || !this.ws) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /**
   * Sends a message with a fresh `requestId` and resolves with the server's reply carrying
   * it (an `error` reply rejects with a ParleyError).
   */
  request(message: Message): Promise<Message> {
    const requestId = `r${++requestCounter}`;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      if (!this.send({ ...message, requestId })) {
        this.pending.delete(requestId);
        reject(new ParleyError(errorCode('INVALID_STATE', 'not connected')));
      }
    });
  }

  private open(
    resume: string | undefined,
    resolve?: (r: Registered) => void,
    reject?: (e: ParleyError) => void,
  ): void {
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.wsUrl);
    } catch (e) {
      reject?.(new ParleyError(errorCode('INVALID_REQUEST', `cannot open ${this.wsUrl}: ${e}`)));
      return;
    }
    this.ws = ws;
    let registered = false;
    ws.onopen = () => {
      this.lastReceived = Date.now();
      ws.send(JSON.stringify(resume ? { type: 'register', resume } : { type: 'register' }));
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      this.lastReceived = Date.now();
      let message: Message;
      try {
        message = JSON.parse(String(event.data)) as Message;
      } catch {
        return;
      }
      if (message.type === 'registered' && !registered) {
        registered = true;
        const reg = parseRegistered(message);
        const wasReconnecting = this.reconnectingSince !== 0;
        this.session = reg;
        this.reconnectingSince = 0;
        this.attempt = 0;
        this.startHeartbeat(reg);
        if (resolve) resolve(reg);
        if (wasReconnecting) this.emit('reconnected', reg);
        else this.emit('registered', reg);
        return;
      }
      this.dispatch(message, registered ? undefined : reject);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.dropped(event.code, event.reason, registered, reject);
    };
  }

  private dispatch(message: Message, rejectConnect?: (e: ParleyError) => void): void {
    if (message.type === 'pong') return;
    const requestId = typeof message.requestId === 'string' ? message.requestId : undefined;
    const waiting = requestId ? this.pending.get(requestId) : undefined;
    if (waiting && requestId) {
      this.pending.delete(requestId);
      if (message.type === 'error') waiting.reject(new ParleyError(toErrorCode(message.errorCode)));
      else waiting.resolve(message);
      return;
    }
    if (message.type === 'error' && rejectConnect && !message.callId) {
      rejectConnect(new ParleyError(toErrorCode(message.errorCode)));
      return;
    }
    this.emit('message', message);
  }

  private dropped(code: number, reason: string, registered: boolean, rejectConnect?: (e: ParleyError) => void): void {
    this.ws = null;
    this.stopHeartbeat();
    this.failPending();
    if (this.closedByUser) return;
    const fatal = FATAL_CLOSE_CODES.has(code);
    if (rejectConnect && !registered && this.session === null) {
      // The first connect failed: report it, do not retry.
      const ec = closeErrorCode(code, reason);
      rejectConnect(new ParleyError(ec));
      this.finish(code, reason, ec);
      return;
    }
    if (fatal) {
      this.finish(code, reason, closeErrorCode(code, reason));
      return;
    }
    if (this.reconnectingSince === 0) {
      this.reconnectingSince = Date.now();
      this.emit('reconnecting', { code, reason });
    }
    if (Date.now() - this.reconnectingSince > GIVE_UP_AFTER_MS) {
      this.finish(code, reason, errorCode('CONNECTION_LOST', 'the connection did not come back'));
      return;
    }
    const delay = Math.min(500 * 2 ** this.attempt, 5000);
    this.attempt++;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.closedByUser) return;
      // Past the server's hold time the session is gone; register afresh.
      const held = Date.now() - this.reconnectingSince < SESSION_HOLD_MS;
      this.open(held ? this.session?.sessionId : undefined);
    }, delay);
  }

  private finish(code: number, reason: string, ec: ErrorCode): void {
    const hadSession = this.session !== null || this.reconnectingSince !== 0;
    this.session = null;
    this.reconnectingSince = 0;
    this.failPending();
    if (hadSession) this.emit('closed', { code, reason, errorCode: ec });
  }

  private failPending(): void {
    for (const [, p] of this.pending) p.reject(new ParleyError(errorCode('CONNECTION_LOST', 'the connection dropped')));
    this.pending.clear();
  }

  private startHeartbeat(reg: Registered): void {
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => {
      const ws = this.ws;
      if (!ws) return;
      if (Date.now() - this.lastReceived > reg.heartbeatTimeoutMs) {
        // The server went silent: treat the socket as dropped without waiting for TCP.
        ws.onclose = null;
        ws.onmessage = null;
        try {
          ws.close(4408, 'heartbeat missed');
        } catch {
          /* already closing */
        }
        this.dropped(4408, 'no message from the server', true);
        return;
      }
      if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
    }, Math.max(1000, reg.heartbeatIntervalMs));
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }
}

function parseRegistered(m: Message): Registered {
  return {
    sessionId: String(m.sessionId ?? ''),
    identity: String(m.identity ?? ''),
    displayName: String(m.displayName ?? m.identity ?? ''),
    heartbeatIntervalMs: typeof m.heartbeatIntervalMs === 'number' ? m.heartbeatIntervalMs : 5000,
    heartbeatTimeoutMs: typeof m.heartbeatTimeoutMs === 'number' ? m.heartbeatTimeoutMs : 15000,
    iceServers: Array.isArray(m.iceServers) ? (m.iceServers as RTCIceServer[]) : [],
    resumed: m.resumed === true,
    calls: Array.isArray(m.calls) ? (m.calls as Registered['calls']) : [],
  };
}

function closeErrorCode(code: number, reason: string): ErrorCode {
  switch (code) {
    case 4401:
      return errorCode('UNAUTHENTICATED', reason || 'the token is missing, invalid or expired');
    case 4400:
      return errorCode('INVALID_REQUEST', reason || 'the server refused a message');
    case 4409:
      return errorCode('CONNECTION_LOST', reason || 'this session was resumed on another socket');
    default:
      return errorCode('CONNECTION_LOST', reason || `the connection closed (${code})`);
  }
}
