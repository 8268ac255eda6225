/**
 * A one-to-one call (docs/signaling.md, "One-to-one calls"): `call` → `call-created` →
 * `call-ringing` → `call-established` → `call-ended`, or `incoming-call` → accept/decline.
 */
import { CallHost, MediaCall, Remote } from './base.js';
import { ErrorCode, errorCode, ParleyError, toErrorCode } from './errors.js';
import type { Message } from './signaling.js';
import type { AcceptOptions, CallEvents, CallOptions, Endpoint, EndpointType } from './types.js';
import { validateRecording } from './validation.js';
import type { CustomData } from './validation.js';

/** How long hangup/decline waits for the server's `call-ended` before ending locally. */
const END_FALLBACK_MS = 3000;
/** How long `established` waits for the remote microphone track before firing anyway. */
const REMOTE_AUDIO_WAIT_MS = 3000;

export function endpoint(identity: string, displayName?: string, type: EndpointType = 'WEBRTC'): Endpoint {
  return { identity, displayName: displayName || identity, type, toString: () => identity };
}

/** An endpoint type sent by the server, WEBRTC when absent or unknown. */
export function endpointType(value: unknown): EndpointType {
  return value === 'PHONE' || value === 'SIP' ? value : 'WEBRTC';
}

/** What starts an outgoing call: the signaling message without its `requestId`. */
export type CallRequest =
  | { type: 'call'; to: string; video: boolean; customData: CustomData; recording?: string }
  | { type: 'call-phone'; to: string; from: string; customData: CustomData; recording?: string }
  | { type: 'call-sip'; to: string; customData: CustomData; recording?: string }
  | { type: 'call-dynamic'; customData: CustomData; recording?: string };

export class Call extends MediaCall<CallEvents> {
  private readonly from: Endpoint;
  private to: Endpoint;
  private readonly request: CallRequest | null;
  private earlyMediaWaiting = false;
  private readonly outgoing: boolean;
  private readonly data: CustomData;
  private readonly videoOffered: boolean;
  private startedAt = 0;
  private endedDuration: number | null = null;
  private holdState = false;
  private endRequested: ErrorCode | null = null;
  private endTimer: ReturnType<typeof setTimeout> | undefined;

  /** @internal Created by ParleyClient.callWebrtc and for incoming calls. */
  constructor(
    host: CallHost,
    init: {
      outgoing: boolean; callId?: string; from: Endpoint; to: Endpoint; video: boolean; customData: CustomData;
      request?: CallRequest;
    },
    options: CallOptions,
  ) {
    super(host, options);
    this.request = init.request ?? null;
    this.outgoing = init.outgoing;
    this.from = init.from;
    this.to = init.to;
    this.data = init.customData;
    this.videoOffered = init.video;
    if (init.callId) {
      this.callId = init.callId;
      this.state = 'RINGING';
    }
    const other = this.counterpart();
    this.addRemote({ identity: other.identity, displayName: other.displayName }, false);
  }

  source(): Endpoint {
    return this.from;
  }

  destination(): Endpoint {
    return this.to;
  }

  /** The other party. */
  counterpart(): Endpoint {
    return this.outgoing ? this.to : this.from;
  }

  /** Milliseconds since the call was established (its final length once it ended). */
  duration(): number {
    if (this.endedDuration !== null) return this.endedDuration;
    return this.startedAt ? Date.now() - this.startedAt : 0;
  }

  customData(): CustomData {
    return { ...this.data };
  }

  /** Whether the caller asked for video (for an incoming call, what to accept with). */
  hasVideoOffered(): boolean {
    return this.videoOffered;
  }

  isIncoming(): boolean {
    return !this.outgoing;
  }

  /** @internal Starts an outgoing call: opens media, sends `call`, publishes on `call-created`. */
  async start(options: CallOptions): Promise<void> {
    try {
      await this.openLocalMedia(options);
      if (this.endRequested) return this.finish(this.endRequested);
      const request = this.request ?? {
        type: 'call', to: this.to.identity, video: !!options.video, customData: this.data, recording: options.recording,
      };
      const reply = await this.host.socket.request(request);
      const callId = String(reply.callId);
      this.resolved(reply);
      this.callId = callId;
      this.host.register(callId, this);
      if (this.endRequested) {
        this.send({ type: 'hangup', callId });
        this.scheduleLocalEnd(this.endRequested);
        return;
      }
      await this.publish();
    } catch (e) {
      const code = e instanceof ParleyError ? e.errorCode
        : errorCode('MEDIA_FAILED', e instanceof Error ? e.message : String(e));
      if (this.callId) {
        // The call exists on the server: end it there too.
        this.emit('error', { errorCode: code });
        this.end(code);
      } else {
        this.emit('error', { errorCode: code });
        this.finish(code);
      }
    }
  }

  /** Answers an incoming call. */
  async accept(options: AcceptOptions = {}): Promise<void> {
    if (this.outgoing || this.state !== 'RINGING' || !this.callId) {
      throw new ParleyError(errorCode('INVALID_STATE', 'only a ringing incoming call can be accepted'));
    }
    try {
      await this.openLocalMedia(options);
    } catch (e) {
      const code = e instanceof ParleyError ? e.errorCode : errorCode('MEDIA_FAILED', String(e));
      this.emit('error', { errorCode: code });
      this.decline();
      throw e;
    }
    if (this.state !== 'RINGING') {
      this.stopLocalMedia();
      return;
    }
    this.send({ type: 'accept', callId: this.callId, video: !!options.video, recording: validateRecording(options.recording) });
  }

  /** Declines an incoming call (REJECTED for everyone). */
  decline(): void {
    if (this.outgoing || this.state === 'FINISHED' || !this.callId) return;
    this.send({ type: 'decline', callId: this.callId });
    this.scheduleLocalEnd(errorCode('REJECTED', 'you declined'));
  }

  /** Hangs up (CANCELLED before establishment, NORMAL_HANGUP after). */
  hangup(): void {
    if (this.state === 'FINISHED') return;
    const code = this.state === 'ESTABLISHED' ? errorCode('NORMAL_HANGUP') : errorCode('CANCELLED');
    if (!this.outgoing && this.state === 'RINGING') return this.decline();
    this.end(code);
  }

  protected end(code: ErrorCode): void {
    if (this.state === 'FINISHED') return;
    this.endRequested = code;
    if (!this.callId) return; // start() sends the hangup once the call exists
    this.send({ type: 'hangup', callId: this.callId });
    this.scheduleLocalEnd(code);
  }

  /** Puts the call on hold (or resumes it). */
  hold(onHold: boolean): void {
    if (this.state !== 'ESTABLISHED' || !this.callId) {
      throw new ParleyError(errorCode('INVALID_STATE', 'only an established call can be held'));
    }
    this.send({ type: 'hold', callId: this.callId, onHold });
  }

  onHold(): boolean {
    return this.holdState;
  }

  hasRemoteCameraVideo(): boolean {
    return (this.remote()?.shown.has('camera')) ?? false;
  }

  hasRemoteScreenShare(): boolean {
    return (this.remote()?.shown.has('screen')) ?? false;
  }

  /** The remote microphone and camera tracks (what `established` gave). */
  remoteStream(): MediaStream {
    return this.remote()?.info.stream ?? new MediaStream();
  }

  protected onRemoteStream(r: Remote): void {
    if (this.state === 'ESTABLISHED') this.emit('remote-stream-updated', { stream: r.info.stream });
  }

  /** @internal */
  override handle(m: Message): boolean {
    switch (m.type) {
      case 'call-ringing':
        if (this.state === 'CALLING') {
          this.state = 'RINGING';
          this.emit('ringing', {});
        }
        return true;
      case 'call-early-media':
        this.earlyMedia();
        return true;
      case 'call-established':
        this.earlyMediaWaiting = false;
        this.established(m);
        return true;
      case 'call-ended':
        this.finish(toErrorCode(m.errorCode, 'NORMAL_HANGUP'), typeof m.duration === 'number' ? m.duration : undefined);
        return true;
      case 'hold-changed':
        this.holdState = m.onHold === true;
        this.emit('hold-changed', { onHold: this.holdState, remote: m.by !== this.host.user().identity });
        return true;
      default:
        return super.handle(m);
    }
  }

  /** `call-created` names the destination (for a dynamic destination, the resolved one). */
  private resolved(reply: Message): void {
    if (typeof reply.to !== 'string' || reply.to === '' || reply.to === this.to.identity) return;
    const old = this.remotes.get(this.to.identity);
    if (old) this.removeRemote(old);
    this.to = endpoint(reply.to, undefined, endpointType(reply.toType));
    this.addRemote({ identity: this.to.identity, displayName: this.to.displayName }, false);
  }

  /** The far end of a phone call sends audio before answering: `early-media` once it is heard. */
  private earlyMedia(): void {
    if (this.state === 'ESTABLISHED' || this.state === 'FINISHED') return;
    if (this.remoteStream().getAudioTracks().length > 0) this.emit('early-media', { stream: this.remoteStream() });
    else this.earlyMediaWaiting = true;
  }

  private established(m: Message): void {
    if (this.state === 'ESTABLISHED' || this.state === 'FINISHED') return;
    this.state = 'ESTABLISHED';
    const start = typeof m.startTime === 'string' || typeof m.startTime === 'number' ? new Date(m.startTime).getTime() : NaN;
    this.startedAt = Number.isFinite(start) ? Math.min(start, Date.now()) : Date.now();
    if (!this.outgoing) this.publish().catch((e) => this.fail(e, 'publishing failed'));
    const remote = this.remote();
    const fire = () => {
      clearTimeout(timer);
      if (this.state === 'ESTABLISHED' && !fired) {
        fired = true;
        this.emit('established', { stream: this.remoteStream() });
      }
    };
    let fired = false;
    const timer = setTimeout(fire, REMOTE_AUDIO_WAIT_MS);
    // Fire once the remote microphone track is in the stream, so an <audio> given it plays.
    if (!remote || remote.info.stream.getAudioTracks().length > 0) fire();
    else this.waitingEstablished = fire;
  }

  private waitingEstablished: (() => void) | null = null;

  private remote(): Remote | undefined {
    return this.remotes.get(this.counterpart().identity);
  }

  protected onRemoteVideo(_r: Remote, source: 'camera' | 'screen', stream: MediaStream | null): void {
    if (source === 'camera') {
      if (stream) this.emit('remote-camera-video-added', { stream });
      else this.emit('remote-camera-video-removed', {});
    } else if (stream) this.emit('remote-screen-share-added', { stream });
    else this.emit('remote-screen-share-removed', {});
  }

  protected override reconcile(r: Remote): void {
    super.reconcile(r);
    if (this.earlyMediaWaiting && r.info.stream.getAudioTracks().length > 0 && this.state !== 'ESTABLISHED') {
      this.earlyMediaWaiting = false;
      this.emit('early-media', { stream: r.info.stream });
    }
    // MediaStream.addTrack from script fires no 'addtrack'; tell the established waiter.
    if (this.waitingEstablished && r.info.stream.getAudioTracks().length > 0) {
      const fire = this.waitingEstablished;
      this.waitingEstablished = null;
      fire();
    }
  }

  protected onRemoteMuted(_r: Remote, muted: boolean): void {
    this.emit(muted ? 'remote-muted' : 'remote-unmuted', {});
  }

  protected onRemoteQuality(_r: Remote, quality: number): void {
    this.emit('remote-network-quality-changed', { networkQuality: quality });
  }

  protected onRemoteConnection(_r: Remote, connected: boolean): void {
    this.emit(connected ? 'remote-reconnected' : 'remote-disconnected', {});
  }

  private scheduleLocalEnd(code: ErrorCode): void {
    clearTimeout(this.endTimer);
    this.endTimer = setTimeout(() => this.finish(code), END_FALLBACK_MS);
  }

  /** @internal Ends the call locally and emits `hangup` once. */
  finish(code: ErrorCode, duration?: number): void {
    if (this.state === 'FINISHED') return;
    clearTimeout(this.endTimer);
    this.endedDuration = duration ?? (this.startedAt ? Date.now() - this.startedAt : 0);
    this.state = 'FINISHED';
    this.waitingEstablished = null;
    this.closeMedia();
    this.emit('hangup', { errorCode: code, duration: this.endedDuration });
  }
}

