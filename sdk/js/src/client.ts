/**
 * The entry point: `Parley.createClient(token, {url})`. Owns the signaling socket, routes
 * messages to calls and rooms by `callId`, and restarts their media after a reconnect.
 */
import type { CallHost, MediaCall } from './base.js';
import { Call, CallRequest, endpoint, endpointType } from './call.js';
import { errorCode, ParleyError } from './errors.js';
import { Emitter } from './events.js';
import { listDevices } from './media.js';
import { RoomCall } from './room.js';
import { Message, Registered, SignalingSocket } from './signaling.js';
import type {
  CallOptions, ClientEvents, ClientOptions, Endpoint, MediaEvents, PhoneCallOptions, RoomOptions, SipCallOptions, User,
} from './types.js';
import {
  validateCameraFacingMode, validateCustomData, validateIdentity, validatePhoneNumber, validateRecording, validateRoomName, validateSipUri,
} from './validation.js';

/** The WebSocket URL for a base URL (http(s) or ws(s); default: the page's origin). */
export function signalingUrl(base: string | undefined, token: string): string {
  const origin = base ?? globalThis.location?.origin;
  if (!origin) throw new ParleyError(errorCode('INVALID_REQUEST', 'url is required outside a web page'));
  const url = new URL(origin, globalThis.location?.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  url.pathname = url.pathname.replace(/\/+$/, '') + '/ws';
  url.search = '';
  url.searchParams.set('token', token);
  return url.toString();
}

export class ParleyClient extends Emitter<ClientEvents> {
  private readonly socket: SignalingSocket;
  private readonly calls = new Map<string, MediaCall<MediaEvents>>();
  private readonly active = new Set<MediaCall<MediaEvents>>();
  private registration: Registered | null = null;
  private readonly host: CallHost;
  private readonly url: string | undefined;
  /** Calls that ended here; if a resumed session still lists one, it is ended there too. */
  private readonly ended = new Set<string>();

  constructor(token: string, options: ClientOptions = {}) {
    super();
    if (typeof token !== 'string' || token.length === 0) {
      throw new ParleyError(errorCode('UNAUTHENTICATED', 'a token is required'));
    }
    this.url = options.url;
    this.socket = new SignalingSocket(signalingUrl(options.url, token));
    const socket = this.socket;
    this.host = {
      socket,
      user: () => this.connectedUser() ?? { identity: '', displayName: '' },
      iceServers: () => this.registration?.iceServers ?? [],
      register: (id, call) => this.calls.set(id, call),
      unregister: (id) => {
        const call = this.calls.get(id);
        this.calls.delete(id);
        if (call) this.active.delete(call);
        this.ended.add(id);
        if (this.ended.size > 100) this.ended.delete(this.ended.values().next().value as string);
      },
    };
    socket.on('registered', (reg) => {
      this.registration = reg;
      this.emit('connected', { identity: reg.identity, displayName: reg.displayName });
    });
    socket.on('message', (m) => this.route(m));
    socket.on('reconnecting', () => {
      for (const call of this.active) call.socketDropped();
      this.emit('reconnecting', {});
    });
    socket.on('reconnected', (reg) => this.resumed(reg));
    socket.on('closed', ({ errorCode: code, reason }) => {
      this.registration = null;
      const ending = code.name === 'NORMAL_HANGUP' ? errorCode('CONNECTION_LOST', 'the client disconnected') : code;
      for (const call of [...this.active]) call.finish(ending);
      this.active.clear();
      this.calls.clear();
      this.emit('disconnected', { errorCode: code, reason });
    });
  }

  /** Connects and registers; resolves once registered (rejects with a ParleyError). */
  async connect(): Promise<void> {
    if (this.registration) return;
    await this.socket.connect();
  }

  /** Disconnects for good: hangs up calls and leaves rooms in progress, then closes. */
  disconnect(): void {
    for (const call of [...this.active]) {
      if (call instanceof RoomCall) call.leave();
      else (call as Call).hangup();
      call.finish(errorCode('NORMAL_HANGUP', 'the client disconnected'));
    }
    this.socket.close();
  }

  /**
   * Replaces the token for later reconnections (tokens expire; a reconnection with an
   * expired one ends in `disconnected` with UNAUTHENTICATED).
   */
  updateToken(token: string): void {
    this.socket.setUrl(signalingUrl(this.url, token));
  }

  /** The user this client is registered as, or null when not connected. */
  connectedUser(): User | null {
    const r = this.registration;
    return r ? { identity: r.identity, displayName: r.displayName } : null;
  }

  /** Calls another identity of the same account. Throws on invalid input or when not connected. */
  callWebrtc(identity: string, options: CallOptions = {}): Call {
    validateIdentity(identity);
    validateRecording(options.recording);
    validateCameraFacingMode(options.cameraFacingMode);
    const customData = validateCustomData(options.customData);
    const me = this.requireConnected();
    const call = new Call(this.host, {
      outgoing: true, from: endpoint(me.identity, me.displayName), to: endpoint(identity),
      video: !!options.video, customData,
    }, options);
    this.active.add(call);
    void call.start(options);
    return call;
  }

  /**
   * Calls a phone number (E.164) through the account's SIP trunk, audio only; `from` is the
   * caller ID, one of the account's numbers with outbound calls enabled (else the call ends
   * with FORBIDDEN). Throws INVALID_DESTINATION for a number that is not E.164.
   */
  callPhoneNumber(number: string, options: PhoneCallOptions): Call {
    validatePhoneNumber(number);
    const customData = validateCustomData(options?.customData);
    this.requireConnected();
    const from = typeof options?.from === 'string' ? options.from : '';
    return this.outgoing(endpoint(from, undefined, 'PHONE'), endpoint(number, undefined, 'PHONE'),
      { type: 'call-phone', to: number, from, customData, recording: validateRecording(options?.recording) }, options ?? {});
  }

  /** Calls a SIP endpoint (`sip:user@host`, the host one of the account's trunks), audio only. */
  callSip(uri: string, options: SipCallOptions = {}): Call {
    validateSipUri(uri);
    const customData = validateCustomData(options.customData);
    const me = this.requireConnected();
    return this.outgoing(endpoint(me.identity, me.displayName), endpoint(uri, undefined, 'SIP'),
      { type: 'call-sip', to: uri, customData, recording: validateRecording(options.recording) }, options);
  }

  /**
   * Lets the account's dynamic destination callback decide who to call (an identity or a
   * phone number), audio only; `destination()` becomes the resolved one with `call-created`.
   */
  callDynamicDestination(options: SipCallOptions = {}): Call {
    const customData = validateCustomData(options.customData);
    const me = this.requireConnected();
    return this.outgoing(endpoint(me.identity, me.displayName), endpoint('', 'dynamic destination'),
      { type: 'call-dynamic', customData, recording: validateRecording(options.recording) }, options);
  }

  private outgoing(from: Endpoint, to: Endpoint, request: CallRequest,
                   options: { audio?: boolean; audioInputDevice?: string; customData?: unknown; autoReconnect?: boolean }): Call {
    const callOptions: CallOptions = {
      audio: options.audio, video: false, audioInputDevice: options.audioInputDevice, autoReconnect: options.autoReconnect,
    };
    const call = new Call(this.host, {
      outgoing: true, from, to, video: false, customData: request.customData, request,
    }, callOptions);
    this.active.add(call);
    void call.start(callOptions);
    return call;
  }

  /** Joins (creating when needed) a room of the account. */
  joinRoom(name: string, options: RoomOptions = {}): RoomCall {
    validateRoomName(name);
    validateRecording(options.recording);
    validateCameraFacingMode(options.cameraFacingMode);
    const customData = validateCustomData(options.customData);
    this.requireConnected();
    const room = new RoomCall(this.host, name, customData, options);
    this.active.add(room);
    void room.start(options);
    return room;
  }

  getAudioInputDevices(): Promise<MediaDeviceInfo[]> {
    return listDevices('audioinput');
  }

  getAudioOutputDevices(): Promise<MediaDeviceInfo[]> {
    return listDevices('audiooutput');
  }

  getVideoInputDevices(): Promise<MediaDeviceInfo[]> {
    return listDevices('videoinput');
  }

  private requireConnected(): User {
    const me = this.connectedUser();
    if (!me || !this.socket.ready) {
      throw new ParleyError(errorCode('INVALID_STATE', 'the client is not connected (await client.connect())'));
    }
    return me;
  }

  private route(m: Message): void {
    if (m.type === 'incoming-call') {
      this.incoming(m);
      return;
    }
    const callId = typeof m.callId === 'string' ? m.callId : undefined;
    const call = callId ? this.calls.get(callId) : undefined;
    if (call) {
      call.handle(m);
    } else if (m.type === 'error') {
      console.warn('Parley: server error', m.errorCode);
    }
  }

  private incoming(m: Message): void {
    const me = this.connectedUser();
    if (!me || typeof m.callId !== 'string' || this.calls.has(m.callId)) return;
    const customData = (m.customData && typeof m.customData === 'object' ? m.customData : {}) as Record<string, string>;
    const call = new Call(this.host, {
      outgoing: false, callId: m.callId,
      from: endpoint(String(m.from), typeof m.fromDisplayName === 'string' ? m.fromDisplayName : undefined,
        endpointType(m.fromType)),
      to: endpoint(me.identity, me.displayName), video: m.video === true, customData,
    }, {});
    this.calls.set(m.callId, call);
    this.active.add(call);
    this.emit('incoming-call', { call, customData: { ...customData } });
  }

  private resumed(reg: Registered): void {
    this.registration = reg;
    const alive = new Set(reg.resumed ? reg.calls.map((c) => c.callId) : []);
    for (const c of reg.resumed ? reg.calls : []) {
      // Ended here while the socket was down (the hangup could not be sent): end it there.
      if (this.ended.has(c.callId)) this.socket.send({ type: c.kind === 'room' ? 'leave-room' : 'hangup', callId: c.callId });
    }
    for (const call of [...this.active]) {
      const id = call.id();
      if (id && alive.has(id)) call.restartMedia();
      else if (id || !reg.resumed) call.finish(errorCode('CONNECTION_LOST', 'the session was not resumed in time'));
    }
    this.emit('reconnected', { resumed: reg.resumed });
  }
}

/** Creates a client for an identity token (from `POST /webrtc/1/token`). */
export function createClient(token: string, options: ClientOptions = {}): ParleyClient {
  return new ParleyClient(token, options);
}
