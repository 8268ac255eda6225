/**
 * The two peer connections of a call or room membership (docs/signaling.md, "Media").
 *
 * Publish: the client offers three sendonly transceivers, in order microphone, camera,
 * screen; a source that is off has no track (replaceTrack(null)), never renegotiating.
 * Subscribe: the server offers, the client answers; `tracks` says which participant and
 * source each mid carries.
 */
export type Source = 'microphone' | 'camera' | 'screen';
export const SOURCES: readonly Source[] = ['microphone', 'camera', 'screen'];

/** One remote track as the subscribe offer describes it. */
export interface RemoteTrack {
  mid: string;
  participant: string;
  source: Source;
  track: MediaStreamTrack;
}

const DISCONNECTED_GRACE_MS = 5000;

// No waiting for ICE gathering: Parley is ICE-lite and never sends connectivity checks, so
// it needs none of the client's candidates; it learns the client's address from the checks
// the client sends to the candidates in Parley's SDP (peer-reflexive). Sending the SDP at
// once saves the gathering time (100-250 ms here) on every offer and answer.

/**
 * Watches a connection's ICE state: `onFailed` when it fails, or stays disconnected for
 * 5 s; `onConnected` each time it (re)connects.
 */
function watch(pc: RTCPeerConnection, onFailed: () => void, onConnected: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  pc.addEventListener('iceconnectionstatechange', () => {
    const state = pc.iceConnectionState;
    clearTimeout(timer);
    if (state === 'failed') onFailed();
    else if (state === 'disconnected') timer = setTimeout(() => {
      if (pc.iceConnectionState === 'disconnected') onFailed();
    }, DISCONNECTED_GRACE_MS);
    else if (state === 'connected' || state === 'completed') onConnected();
  });
}

export interface PeerCallbacks {
  onFailed: () => void;
  onConnected: () => void;
}

export class PublishConnection {
  readonly pc: RTCPeerConnection;
  private readonly transceivers: RTCRtpTransceiver[];

  constructor(iceServers: RTCIceServer[], tracks: Partial<Record<Source, MediaStreamTrack | null>>, cb: PeerCallbacks) {
    this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    const stream = new MediaStream();
    this.transceivers = SOURCES.map((source) => {
      const kind = source === 'microphone' ? 'audio' : 'video';
      const track = tracks[source] ?? null;
      if (track) stream.addTrack(track);
      return this.pc.addTransceiver(track ?? kind, { direction: 'sendonly', streams: [stream] });
    });
    watch(this.pc, cb.onFailed, cb.onConnected);
  }

  /** Creates the offer (an ICE restart when asked) and returns it with the mid of each source. */
  async offer(iceRestart = false): Promise<{ sdp: string; sources: Record<string, Source> }> {
    const offer = await this.pc.createOffer({ iceRestart });
    await this.pc.setLocalDescription(offer);
    const sources: Record<string, Source> = {};
    this.transceivers.forEach((t, i) => {
      if (t.mid !== null) sources[t.mid] = SOURCES[i];
    });
    return { sdp: this.pc.localDescription?.sdp ?? offer.sdp ?? '', sources };
  }

  async answer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  sender(source: Source): RTCRtpSender {
    return this.transceivers[SOURCES.indexOf(source)].sender;
  }

  /** Puts a track on a source, or takes it off with null; no renegotiation. */
  async replace(source: Source, track: MediaStreamTrack | null): Promise<void> {
    await this.sender(source).replaceTrack(track);
  }

  close(): void {
    this.pc.close();
  }
}

export class SubscribeConnection {
  readonly pc: RTCPeerConnection;
  private current = new Map<string, RemoteTrack>();

  constructor(iceServers: RTCIceServer[], cb: PeerCallbacks) {
    this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    watch(this.pc, cb.onFailed, cb.onConnected);
  }

  /**
   * Applies an offer and returns the answer plus which remote tracks came and went. A mid
   * listed in `tracks` is live; a mid no longer listed has gone away.
   */
  async accept(
    sdp: string,
    tracks: { mid: string; participant: string; source: Source }[],
  ): Promise<{ sdp: string; added: RemoteTrack[]; removed: RemoteTrack[] }> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp });
    for (const t of this.pc.getTransceivers()) {
      if (t.direction !== 'stopped' && t.direction !== 'inactive') t.direction = 'recvonly';
    }
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    const byMid = new Map(this.pc.getTransceivers().filter((t) => t.mid !== null).map((t) => [t.mid as string, t]));
    const next = new Map<string, RemoteTrack>();
    for (const t of tracks) {
      const transceiver = byMid.get(String(t.mid));
      if (!transceiver) continue;
      next.set(String(t.mid), {
        mid: String(t.mid),
        participant: t.participant,
        source: t.source,
        track: transceiver.receiver.track,
      });
    }
    const added: RemoteTrack[] = [];
    const removed: RemoteTrack[] = [];
    for (const [mid, t] of next) {
      const old = this.current.get(mid);
      if (!old || old.participant !== t.participant || old.source !== t.source) {
        if (old) removed.push(old);
        added.push(t);
      }
    }
    for (const [mid, old] of this.current) if (!next.has(mid)) removed.push(old);
    this.current = next;
    return { sdp: this.pc.localDescription?.sdp ?? answer.sdp ?? '', added, removed };
  }

  tracks(): RemoteTrack[] {
    return [...this.current.values()];
  }

  close(): void {
    this.pc.close();
  }
}
