/**
 * A room membership (docs/signaling.md, "Rooms"): `join-room` → `room-joined` with the
 * others, `participant-joined`/`-left`/`-media`/`-talking`, `leave-room` → `room-left`.
 */
import { CallHost, MediaCall, Remote } from './base.js';
import { ErrorCode, errorCode, ParleyError, toErrorCode } from './errors.js';
import type { RemoteTrack } from './peers.js';
import type { Message } from './signaling.js';
import type { Participant, RoomEvents, RoomOptions } from './types.js';
import type { CustomData } from './validation.js';

const LEAVE_FALLBACK_MS = 3000;

export class RoomCall extends MediaCall<RoomEvents> {
  private readonly roomName: string;
  private readonly data: CustomData;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private leaveRequested = false;

  /** @internal Created by ParleyClient.joinRoom. */
  constructor(host: CallHost, room: string, customData: CustomData, options: RoomOptions) {
    super(host, options);
    this.roomName = room;
    this.data = customData;
  }

  name(): string {
    return this.roomName;
  }

  customData(): CustomData {
    return { ...this.data };
  }

  /** The other members, kept up to date. */
  participants(): Participant[] {
    return [...this.remotes.values()].map((r) => r.info);
  }

  /** @internal Opens media, sends `join-room`, publishes on `room-joined`. */
  async start(options: RoomOptions): Promise<void> {
    try {
      await this.openLocalMedia(options);
      if (this.leaveRequested) return this.finish(errorCode('NORMAL_HANGUP'));
      const reply = await this.host.socket.request({
        type: 'join-room', room: this.roomName, video: !!options.video, customData: this.data,
        recording: options.recording,
      });
      const callId = String(reply.callId);
      this.callId = callId;
      this.host.register(callId, this);
      this.state = 'ESTABLISHED';
      const list = Array.isArray(reply.participants) ? reply.participants as (Partial<Participant> & { identity: string })[] : [];
      for (const p of list) if (p && typeof p.identity === 'string') this.addRemote(p, true);
      this.emit('room-joined', { participants: this.participants() });
      if (this.leaveRequested) return this.leave();
      await this.publish();
    } catch (e) {
      const code = e instanceof ParleyError ? e.errorCode
        : errorCode('MEDIA_FAILED', e instanceof Error ? e.message : String(e));
      this.emit('error', { errorCode: code });
      if (this.callId) this.end(code);
      else this.finish(code);
    }
  }

  /** Leaves the room. */
  leave(): void {
    this.end(errorCode('NORMAL_HANGUP'));
  }

  /** Same as {@link leave}, so rooms and calls can be ended alike. */
  hangup(): void {
    this.leave();
  }

  protected end(code: ErrorCode): void {
    if (this.state === 'FINISHED') return;
    this.leaveRequested = true;
    if (!this.callId) return; // start() leaves once joined
    this.send({ type: 'leave-room', callId: this.callId });
    clearTimeout(this.leaveTimer);
    this.leaveTimer = setTimeout(() => this.finish(code), LEAVE_FALLBACK_MS);
  }

  /** @internal */
  override handle(m: Message): boolean {
    switch (m.type) {
      case 'participant-joined': {
        const p = m.participant as Partial<Participant> & { identity: string };
        if (!p || typeof p.identity !== 'string') return true;
        const known = this.remotes.get(p.identity);
        if (known?.stateKnown) return true;
        const r = known ?? this.addRemote(p, true);
        if (known) {
          // Its tracks came first (remoteFor); now its details.
          r.info.displayName = p.displayName || p.identity;
          r.info.audioMuted = !!p.audioMuted;
          r.info.camera = !!p.camera;
          r.info.screenShare = !!p.screenShare;
          r.stateKnown = true;
        }
        this.emit('participant-joined', { participant: r.info });
        this.reconcile(r);
        return true;
      }
      case 'participant-left': {
        const p = m.participant as { identity?: string } | string;
        const identity = typeof p === 'string' ? p : p?.identity;
        const r = identity ? this.remotes.get(identity) : undefined;
        if (r) {
          this.removeRemote(r);
          this.emit('participant-left', { participant: r.info });
        }
        return true;
      }
      case 'participant-talking': {
        const r = this.remotes.get(String(m.participant));
        const talking = m.talking === true;
        if (r && r.info.talking !== talking) {
          r.info.talking = talking;
          this.emit(talking ? 'participant-started-talking' : 'participant-stopped-talking', { participant: r.info });
        }
        return true;
      }
      case 'room-left':
        this.finish(toErrorCode(m.errorCode, 'NORMAL_HANGUP'));
        return true;
      default:
        return super.handle(m);
    }
  }

  /** A track of someone not (yet) in the list: the subscribe offer can precede participant-joined. */
  protected override remoteFor(t: RemoteTrack): Remote | undefined {
    return this.remotes.get(t.participant) ?? this.addRemote({ identity: t.participant }, false);
  }

  protected onRemoteVideo(r: Remote, source: 'camera' | 'screen', stream: MediaStream | null): void {
    const participant = r.info;
    if (source === 'camera') {
      if (stream) this.emit('participant-camera-video-added', { participant, stream });
      else this.emit('participant-camera-video-removed', { participant });
    } else if (stream) this.emit('participant-screen-share-added', { participant, stream });
    else this.emit('participant-screen-share-removed', { participant });
  }

  protected onRemoteStream(r: Remote): void {
    this.emit('participant-stream-updated', { participant: r.info, stream: r.info.stream });
  }

  protected onRemoteMuted(r: Remote, muted: boolean): void {
    this.emit(muted ? 'participant-muted' : 'participant-unmuted', { participant: r.info });
  }

  protected onRemoteQuality(r: Remote, quality: number): void {
    this.emit('participant-network-quality-changed', { participant: r.info, networkQuality: quality });
  }

  protected onRemoteConnection(r: Remote, connected: boolean): void {
    this.emit(connected ? 'participant-reconnected' : 'participant-disconnected', { participant: r.info });
  }

  /** @internal Ends the membership locally and emits `room-left` once. */
  finish(code: ErrorCode): void {
    if (this.state === 'FINISHED') return;
    clearTimeout(this.leaveTimer);
    this.state = 'FINISHED';
    this.closeMedia();
    this.emit('room-left', { errorCode: code });
  }
}
