/**
 * What calls and room memberships share: local media, the publish and subscribe
 * connections, remote tracks, media state, DTMF, network quality and media restarts
 * (docs/signaling.md, "Media" and "Losing the network, and coming back").
 */
import { ErrorCode, errorCode, ParleyError, toErrorCode } from './errors.js';
import { Emitter } from './events.js';
import * as media from './media.js';
import { PublishConnection, RemoteTrack, Source, SubscribeConnection } from './peers.js';
import type { Message, SignalingSocket } from './signaling.js';
import type { CameraFacingMode, MediaEvents, MediaOptions, Participant, User } from './types.js';
import { validateCameraFacingMode, validateDtmf } from './validation.js';

/** What a call needs from the client that owns it. */
export interface CallHost {
  readonly socket: SignalingSocket;
  user(): User;
  iceServers(): RTCIceServer[];
  register(callId: string, call: MediaCall<MediaEvents>): void;
  unregister(callId: string): void;
}

/** A remote member as this call sees it: the public participant plus its tracks. */
export interface Remote {
  info: Participant;
  /** Whether a participant-media (or room list) told its state; until then tracks decide. */
  stateKnown: boolean;
  tracks: Map<Source, MediaStreamTrack>;
  shown: Map<Source, MediaStreamTrack>;
}

export function newParticipant(p: Partial<Participant> & { identity: string }): Participant {
  return {
    identity: p.identity,
    displayName: p.displayName || p.identity,
    audioMuted: !!p.audioMuted,
    camera: !!p.camera,
    screenShare: !!p.screenShare,
    talking: false,
    networkQuality: 0,
    stream: new MediaStream(),
  };
}

export abstract class MediaCall<E extends MediaEvents> extends Emitter<E> {
  protected callId: string | null = null;
  protected state: 'CALLING' | 'RINGING' | 'ESTABLISHED' | 'FINISHED' = 'CALLING';
  protected readonly remotes = new Map<string, Remote>();
  protected mic: MediaStreamTrack | null = null;
  protected cam: MediaStreamTrack | null = null;
  protected scr: MediaStreamTrack | null = null;
  protected audioMuted = false;
  private publisher: PublishConnection | null = null;
  private subscriber: SubscribeConnection | null = null;
  private subscribeChain: Promise<void> = Promise.resolve();
  private audioInputId: string | undefined;
  private videoInputId: string | undefined;
  private facing: CameraFacingMode = 'USER';
  private audioOutputId: string | undefined;
  private readonly handedOut = new Set<MediaStream>();
  private restarting = false;
  protected readonly autoReconnect: boolean;

  protected constructor(protected readonly host: CallHost, options: MediaOptions & { autoReconnect?: boolean }) {
    super();
    this.audioInputId = options.audioInputDevice;
    this.videoInputId = options.videoInputDevice;
    this.facing = validateCameraFacingMode(options.cameraFacingMode);
    this.autoReconnect = options.autoReconnect !== false;
  }

  /** The call's id (for a room: this member's id for the room); null until the server made it. */
  id(): string | null {
    return this.callId;
  }

  status(): 'CALLING' | 'RINGING' | 'ESTABLISHED' | 'FINISHED' {
    return this.state;
  }

  /** True once the call ended (a method, so checks after an await are not narrowed away). */
  protected finished(): boolean {
    return this.state === 'FINISHED';
  }

  // ---- local media -------------------------------------------------------------------

  /** Opens the microphone and camera as the options ask (before publishing). */
  protected async openLocalMedia(options: MediaOptions): Promise<void> {
    if (options.audio !== false && !this.mic) this.mic = await media.microphone(this.audioInputId);
    if (options.cameraFacingMode !== undefined) this.facing = validateCameraFacingMode(options.cameraFacingMode);
    if (options.video && !this.cam) {
      try {
        this.cam = await this.openCamera();
      } catch (e) {
        this.stopLocalMedia();
        throw e;
      }
      this.emitAny('camera-video-added', { stream: new MediaStream([this.cam]) });
    }
  }

  /** The local microphone and camera (for a self view). */
  localStream(): MediaStream {
    const s = new MediaStream([this.mic, this.cam].filter((t): t is MediaStreamTrack => t !== null));
    return s;
  }

  mute(mute: boolean): Promise<void> {
    return this.guard(async () => {
      if (!mute && !this.mic) {
        this.mic = await media.microphone(this.audioInputId);
        await this.publisher?.replace('microphone', this.mic);
      }
      this.audioMuted = mute;
      if (this.mic) this.mic.enabled = !mute;
      this.sendMediaState();
    });
  }

  muted(): boolean {
    return this.audioMuted || !this.mic;
  }

  cameraVideo(on: boolean): Promise<void> {
    return this.guard(async () => {
      if (on === !!this.cam) return;
      if (on) {
        this.cam = await this.openCamera();
        await this.publisher?.replace('camera', this.cam);
        this.emitAny('camera-video-added', { stream: new MediaStream([this.cam]) });
      } else {
        const old = this.cam;
        this.cam = null;
        await this.publisher?.replace('camera', null);
        old?.stop();
        this.emitAny('camera-video-removed', {});
      }
      this.sendMediaState();
    });
  }

  hasCameraVideo(): boolean {
    return this.cam !== null;
  }

  screenShare(on: boolean): Promise<void> {
    return this.guard(async () => {
      if (on === !!this.scr) return;
      if (on) {
        const track = await media.screen();
        this.scr = track;
        track.addEventListener('ended', () => {
          if (this.scr === track) void this.screenShare(false).catch(() => undefined);
        });
        await this.publisher?.replace('screen', track);
        this.emitAny('screen-share-added', { stream: new MediaStream([track]) });
      } else {
        const old = this.scr;
        this.scr = null;
        await this.publisher?.replace('screen', null);
        old?.stop();
        this.emitAny('screen-share-removed', {});
      }
      this.sendMediaState();
    });
  }

  hasScreenShare(): boolean {
    return this.scr !== null;
  }

  /** Sends DTMF digits (0-9 * # A-D) in band on the microphone's RTP (RFC 4733). */
  sendDTMF(digits: string): void {
    validateDtmf(digits);
    const dtmf = this.publisher?.sender('microphone').dtmf;
    if (!dtmf || this.state !== 'ESTABLISHED') {
      throw new ParleyError(errorCode('INVALID_STATE', 'DTMF needs an established call with audio'));
    }
    // insertDTMF replaces the tones still queued, so keys pressed while earlier ones are
    // playing would be lost: queue them after what is left.
    dtmf.insertDTMF(dtmf.toneBuffer + digits, 100, 70);
  }

  setAudioInputDevice(deviceId: string): Promise<void> {
    return this.guard(async () => {
      this.audioInputId = deviceId;
      if (!this.mic) return;
      const track = await media.microphone(deviceId);
      track.enabled = !this.audioMuted;
      const old = this.mic;
      this.mic = track;
      await this.publisher?.replace('microphone', track);
      old.stop();
    });
  }

  /** The camera asked for: the chosen device, else the one facing {@link facing}. */
  private openCamera(): Promise<MediaStreamTrack> {
    return media.camera(this.videoInputId, this.facing === 'USER' ? 'user' : 'environment');
  }

  /** Which camera the call uses or will use: facing the user, or facing away. */
  cameraFacingMode(): CameraFacingMode {
    return this.facing;
  }

  /**
   * Turns to the other camera (front to back and back): forgets a device chosen with
   * {@link setVideoInputDevice} and, while the camera is on, replaces its track. On a browser
   * with one camera the picture stays the same.
   */
  switchCameraFacingMode(): Promise<void> {
    return this.guard(async () => {
      this.facing = this.facing === 'USER' ? 'ENVIRONMENT' : 'USER';
      this.videoInputId = undefined;
      if (!this.cam) return;
      const track = await this.openCamera();
      const old = this.cam;
      this.cam = track;
      await this.publisher?.replace('camera', track);
      old.stop();
      this.emitAny('camera-video-added', { stream: new MediaStream([track]) });
    });
  }

  setVideoInputDevice(deviceId: string): Promise<void> {
    return this.guard(async () => {
      this.videoInputId = deviceId;
      if (!this.cam) return;
      const track = await media.camera(deviceId);
      const old = this.cam;
      this.cam = track;
      await this.publisher?.replace('camera', track);
      old.stop();
      this.emitAny('camera-video-added', { stream: new MediaStream([track]) });
    });
  }

  /**
   * Plays remote audio on another output: applies setSinkId to every media element on the
   * page that shows one of this call's remote streams, and to those shown later through
   * {@link audioOutputDevice}.
   */
  async setAudioOutputDevice(deviceId: string): Promise<void> {
    this.audioOutputId = deviceId;
    if (typeof document === 'undefined') return;
    const mine = new Set<MediaStream>([...this.handedOut, ...[...this.remotes.values()].map((r) => r.info.stream)]);
    const elements = [...document.querySelectorAll('audio, video')] as HTMLMediaElement[];
    await Promise.all(elements
      .filter((el) => el.srcObject instanceof MediaStream && mine.has(el.srcObject))
      .map((el) => (el as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> }).setSinkId?.(deviceId)));
  }

  /** The audio output chosen with {@link setAudioOutputDevice}, if any. */
  audioOutputDevice(): string | undefined {
    return this.audioOutputId;
  }

  // ---- signaling -----------------------------------------------------------------------

  protected send(message: Message): boolean {
    return this.host.socket.send(message);
  }

  /** Creates the publish connection (first time) and sends its offer. */
  protected async publish(iceRestart = false): Promise<void> {
    if (!this.callId || this.state === 'FINISHED') return;
    if (!this.publisher) {
      this.publisher = new PublishConnection(this.host.iceServers(),
        { microphone: this.mic, camera: this.cam, screen: this.scr },
        { onFailed: () => this.mediaFailed(), onConnected: () => this.mediaConnected() });
      if (this.mic) this.mic.enabled = !this.audioMuted;
    }
    const { sdp, sources } = await this.publisher.offer(iceRestart);
    if (this.finished()) return;
    this.send({ type: 'publish', callId: this.callId, sdp, sources });
    this.sendMediaState();
  }

  protected sendMediaState(): void {
    if (!this.callId || this.state === 'FINISHED') return;
    this.send({
      type: 'media-state', callId: this.callId,
      audioMuted: this.muted(), camera: this.cam !== null, screenShare: this.scr !== null,
    });
  }

  /** Handles a message about this call; false when the subclass should. */
  handle(m: Message): boolean {
    switch (m.type) {
      case 'publish-answer': {
        const publisher = this.publisher;
        publisher?.answer(String(m.sdp)).then(() => {
          // A short drop may leave ICE connected through the restart: no state change will come.
          const ice = publisher.pc.iceConnectionState;
          if (ice === 'connected' || ice === 'completed') this.mediaConnected();
        }).catch((e) => this.fail(e, 'the publish answer was refused'));
        return true;
      }
      case 'subscribe-offer':
        this.subscribeChain = this.subscribeChain.then(() => this.subscribe(m))
          .catch((e) => this.fail(e, 'the subscribe offer was refused'));
        return true;
      case 'participant-media': {
        const p = m.participant as Partial<Participant> & { identity: string };
        if (p && typeof p.identity === 'string') this.remoteMedia(p);
        return true;
      }
      case 'recording-started':
        this.emitAny('recording-started', {
          recordingType: m.recordingType === 'AUDIO' ? 'AUDIO' : 'AUDIO_AND_VIDEO',
        });
        return true;
      case 'dtmf':
        this.emitAny('dtmf-received', { digit: String(m.digit), participant: String(m.participant ?? '') });
        return true;
      case 'network-quality': {
        const quality = Number(m.networkQuality) || 0;
        const r = this.remotes.get(String(m.participant));
        if (r) {
          r.info.networkQuality = quality;
          this.onRemoteQuality(r, quality);
        } else if (m.participant === this.host.user().identity) {
          this.emitAny('network-quality-changed', { networkQuality: quality, mos: Number(m.mos) || 0 });
        }
        return true;
      }
      case 'participant-connection': {
        const r = this.remotes.get(String(m.participant));
        if (r) this.onRemoteConnection(r, m.state === 'reconnected');
        return true;
      }
      case 'error':
        this.emitAny('error', { errorCode: toErrorCode(m.errorCode) });
        return true;
      default:
        return false;
    }
  }

  private async subscribe(m: Message): Promise<void> {
    if (this.state === 'FINISHED' || !this.callId) return;
    if (!this.subscriber) {
      this.subscriber = new SubscribeConnection(this.host.iceServers(),
        { onFailed: () => this.mediaFailed(), onConnected: () => undefined });
    }
    const tracks = (Array.isArray(m.tracks) ? m.tracks : []) as { mid: string; participant: string; source: Source }[];
    const { sdp, added, removed } = await this.subscriber.accept(String(m.sdp), tracks);
    if (this.finished()) return;
    this.send({ type: 'subscribe-answer', callId: this.callId, sdp });
    const touched = new Set<Remote>();
    for (const t of removed) {
      const r = this.remotes.get(t.participant);
      if (r && r.tracks.get(t.source) === t.track) {
        r.tracks.delete(t.source);
        touched.add(r);
      }
    }
    for (const t of added) {
      const r = this.remoteFor(t);
      if (!r) continue;
      r.tracks.set(t.source, t.track);
      touched.add(r);
      if (!r.stateKnown && t.source !== 'microphone') {
        // Until the participant's state is known, a video track counts once frames arrive.
        t.track.addEventListener('unmute', () => this.reconcile(r), { once: true });
      }
    }
    for (const r of touched) this.reconcile(r);
  }

  /** The remote a track belongs to (a subclass may create it). */
  protected remoteFor(t: RemoteTrack): Remote | undefined {
    return this.remotes.get(t.participant);
  }

  protected addRemote(p: Partial<Participant> & { identity: string }, stateKnown: boolean): Remote {
    const existing = this.remotes.get(p.identity);
    if (existing) return existing;
    const r: Remote = { info: newParticipant(p), stateKnown, tracks: new Map(), shown: new Map() };
    this.remotes.set(p.identity, r);
    return r;
  }

  private remoteMedia(p: Partial<Participant> & { identity: string }): void {
    const r = this.remotes.get(p.identity);
    if (!r) return;
    const wasMuted = r.info.audioMuted;
    if (p.displayName) r.info.displayName = p.displayName;
    r.info.audioMuted = !!p.audioMuted;
    r.info.camera = !!p.camera;
    r.info.screenShare = !!p.screenShare;
    r.stateKnown = true;
    if (wasMuted !== r.info.audioMuted) this.onRemoteMuted(r, r.info.audioMuted);
    this.reconcile(r);
  }

  /** Brings a remote's stream and shown videos in line with its tracks and state. */
  protected reconcile(r: Remote): void {
    if (this.state === 'FINISHED') return;
    const stream = r.info.stream;
    let streamChanged = false;
    for (const source of ['microphone', 'camera'] as const) {
      const want = r.tracks.get(source);
      for (const t of source === 'microphone' ? stream.getAudioTracks() : stream.getVideoTracks()) {
        if (t !== want) {
          stream.removeTrack(t);
          streamChanged = true;
        }
      }
      if (want && !stream.getTracks().includes(want)) {
        stream.addTrack(want);
        streamChanged = true;
      }
    }
    if (streamChanged) this.onRemoteStream(r);
    for (const source of ['camera', 'screen'] as const) {
      const track = r.tracks.get(source);
      const flag = source === 'camera' ? r.info.camera : r.info.screenShare;
      const on = !!track && (r.stateKnown ? flag : !track.muted);
      if (!r.stateKnown && track) {
        if (source === 'camera') r.info.camera = on;
        else r.info.screenShare = on;
      }
      const shown = r.shown.get(source);
      if (on && track && shown !== track) {
        r.shown.set(source, track);
        const s = new MediaStream([track]);
        this.handedOut.add(s);
        this.onRemoteVideo(r, source, s);
      } else if (!on && shown) {
        r.shown.delete(source);
        this.onRemoteVideo(r, source, null);
      }
    }
  }

  protected removeRemote(r: Remote): void {
    for (const source of [...r.shown.keys()]) this.onRemoteVideo(r, source as 'camera' | 'screen', null);
    r.shown.clear();
    this.remotes.delete(r.info.identity);
  }

  /** A remote's camera or screen video appeared (stream) or went (null). */
  protected abstract onRemoteVideo(r: Remote, source: 'camera' | 'screen', stream: MediaStream | null): void;
  protected abstract onRemoteStream(r: Remote): void;
  protected abstract onRemoteMuted(r: Remote, muted: boolean): void;
  protected abstract onRemoteQuality(r: Remote, quality: number): void;
  protected abstract onRemoteConnection(r: Remote, connected: boolean): void;
  /** Ends the call locally (the server said so, or it cannot go on). */
  abstract finish(code: ErrorCode, duration?: number): void;
  /** Asks the server to end the call (hang up / leave). */
  protected abstract end(code: ErrorCode): void;

  // ---- restarts --------------------------------------------------------------------------

  /** The socket dropped: media will be restarted once it is back. */
  socketDropped(): void {
    if (this.state === 'FINISHED' || this.restarting) return;
    this.restarting = true;
    this.emitAny('reconnecting', {});
  }

  /**
   * ICE restart on publish plus `resubscribe` (after a resumed socket, or failed media on a
   * live one).
   */
  restartMedia(): void {
    if (this.state === 'FINISHED' || !this.callId) return;
    if (!this.autoReconnect) {
      this.end(errorCode('MEDIA_FAILED', 'the media connection was lost (autoReconnect is off)'));
      return;
    }
    if (!this.restarting) {
      this.restarting = true;
      this.emitAny('reconnecting', {});
    }
    if (!this.publisher) {
      // Never published yet (e.g. a ringing call): nothing to restart.
      this.restarting = false;
      this.emitAny('reconnected', {});
      return;
    }
    this.publish(true).catch((e) => this.fail(e, 'the ICE restart failed'));
    this.send({ type: 'resubscribe', callId: this.callId });
  }

  private mediaFailed(): void {
    if (this.state === 'FINISHED') return;
    if (!this.host.socket.ready) return; // the socket's resume restarts media
    this.restartMedia();
  }

  private mediaConnected(): void {
    if (this.restarting && this.state !== 'FINISHED') {
      this.restarting = false;
      this.emitAny('reconnected', {});
    }
  }

  /** Reports an unexpected failure as an `error` event (the call goes on). */
  protected fail(e: unknown, what: string): void {
    if (this.state === 'FINISHED') return;
    const code = e instanceof ParleyError ? e.errorCode
      : errorCode('MEDIA_FAILED', `${what}: ${e instanceof Error ? e.message : String(e)}`);
    this.emitAny('error', { errorCode: code });
  }

  /** Runs a media change; failures reject and are reported as `error` events. */
  private async guard(fn: () => Promise<void>): Promise<void> {
    if (this.state === 'FINISHED') throw new ParleyError(errorCode('INVALID_STATE', 'the call has finished'));
    try {
      await fn();
    } catch (e) {
      this.fail(e, 'media change failed');
      throw e;
    }
  }

  protected stopLocalMedia(): void {
    for (const t of [this.mic, this.cam, this.scr]) t?.stop();
    this.mic = this.cam = this.scr = null;
  }

  /** Closes the connections and stops capture; idempotent. */
  protected closeMedia(): void {
    this.publisher?.close();
    this.subscriber?.close();
    this.publisher = this.subscriber = null;
    this.stopLocalMedia();
    if (this.callId) this.host.unregister(this.callId);
  }
}
