/** The SDK's public data types and event maps. */
import type { ErrorCode } from './errors.js';
import type { CustomData } from './validation.js';
import type { Call } from './call.js';

/** The status of a call or room membership (docs/signaling.md, "One-to-one calls"). */
export type CallStatus = 'CALLING' | 'RINGING' | 'ESTABLISHED' | 'FINISHED';

/** What an end of a call is: a WebRTC identity, a phone number or a SIP URI. */
export type EndpointType = 'WEBRTC' | 'PHONE' | 'SIP';

/** One end of a call. `identity` is the identity, phone number or SIP URI; `toString()` gives it. */
export interface Endpoint {
  identity: string;
  displayName: string;
  type: EndpointType;
  toString(): string;
}

/** A user connected with this client. */
export interface User {
  identity: string;
  displayName: string;
}

/** A room member other than this client, kept up to date while the room lasts. */
export interface Participant {
  identity: string;
  displayName: string;
  audioMuted: boolean;
  camera: boolean;
  screenShare: boolean;
  talking: boolean;
  /** 1 (bad) to 5 (excellent); 0 until the server reported it. */
  networkQuality: number;
  /** The participant's microphone and camera tracks as they arrive (play it in an unmuted `<audio>`). */
  stream: MediaStream;
}

/** What a call or room member asks to record (the token's recording capability and the account decide). */
export type RecordingOption = 'AUDIO' | 'AUDIO_AND_VIDEO';

/** Which camera a phone or tablet uses: the one facing the user, or the one facing away. */
export type CameraFacingMode = 'USER' | 'ENVIRONMENT';

export interface MediaOptions {
  /** Send the microphone (default true). */
  audio?: boolean;
  /** Send the camera (default false). */
  video?: boolean;
  /** Device ids to use instead of the defaults. */
  audioInputDevice?: string;
  videoInputDevice?: string;
  /**
   * The camera to start with on a device that has several (default USER); a browser with one
   * camera uses it either way. `videoInputDevice` wins when both are given.
   */
  cameraFacingMode?: CameraFacingMode;
  /** Asks for a recording; it counts when the token's capability is ON_DEMAND (docs/recording.md). */
  recording?: RecordingOption;
}

export interface CallOptions extends MediaOptions {
  /** String values, at most 920 characters of JSON; the callee receives them. */
  customData?: CustomData;
  /** Restart media after network loss instead of hanging up (default true). */
  autoReconnect?: boolean;
}

/** Options of `callPhoneNumber`: audio only. */
export interface PhoneCallOptions {
  /** The caller ID: one of the account's numbers with outbound calls enabled (E.164). */
  from: string;
  recording?: RecordingOption;
  /** Send the microphone (default true). */
  audio?: boolean;
  audioInputDevice?: string;
  customData?: CustomData;
  autoReconnect?: boolean;
}

/** Options of `callSip` and `callDynamicDestination`: audio only. */
export interface SipCallOptions {
  recording?: RecordingOption;
  audio?: boolean;
  audioInputDevice?: string;
  customData?: CustomData;
  autoReconnect?: boolean;
}

export type AcceptOptions = MediaOptions;

export interface RoomOptions extends MediaOptions {
  customData?: CustomData;
  /** Restart media after network loss instead of leaving (default true). */
  autoReconnect?: boolean;
}

export interface ClientOptions {
  /** The server's base URL, http(s) or ws(s) (default: the page's origin). */
  url?: string;
}

export interface ClientEvents {
  connected: { identity: string; displayName: string };
  disconnected: { errorCode: ErrorCode; reason: string };
  reconnecting: Record<string, never>;
  /** The socket is back; `resumed` false means the server had dropped the session and its calls. */
  reconnected: { resumed: boolean };
  'incoming-call': { call: Call; customData: CustomData };
}

/** Events every call and room membership emits. */
export interface MediaEvents {
  error: { errorCode: ErrorCode };
  'camera-video-added': { stream: MediaStream };
  'camera-video-removed': Record<string, never>;
  'screen-share-added': { stream: MediaStream };
  'screen-share-removed': Record<string, never>;
  'network-quality-changed': { networkQuality: number; mos: number };
  'dtmf-received': { digit: string; participant: string };
  /** The call or room is being recorded (every member is told). */
  'recording-started': { recordingType: RecordingOption };
  reconnecting: Record<string, never>;
  reconnected: Record<string, never>;
}

export interface CallEvents extends MediaEvents {
  ringing: Record<string, never>;
  /** The far end of a phone or SIP call sends audio before answering (ringback, announcements). */
  'early-media': { stream: MediaStream };
  established: { stream: MediaStream };
  hangup: { errorCode: ErrorCode; duration: number };
  'remote-muted': Record<string, never>;
  'remote-unmuted': Record<string, never>;
  'remote-camera-video-added': { stream: MediaStream };
  'remote-camera-video-removed': Record<string, never>;
  'remote-screen-share-added': { stream: MediaStream };
  'remote-screen-share-removed': Record<string, never>;
  /** The remote party's microphone/camera stream changed (re-assign it to your `<audio>`). */
  'remote-stream-updated': { stream: MediaStream };
  'hold-changed': { onHold: boolean; remote: boolean };
  'remote-network-quality-changed': { networkQuality: number };
  'remote-disconnected': Record<string, never>;
  'remote-reconnected': Record<string, never>;
}

export interface RoomEvents extends MediaEvents {
  'room-joined': { participants: Participant[] };
  'room-left': { errorCode: ErrorCode };
  'participant-joined': { participant: Participant };
  'participant-left': { participant: Participant };
  'participant-muted': { participant: Participant };
  'participant-unmuted': { participant: Participant };
  'participant-camera-video-added': { participant: Participant; stream: MediaStream };
  'participant-camera-video-removed': { participant: Participant };
  'participant-screen-share-added': { participant: Participant; stream: MediaStream };
  'participant-screen-share-removed': { participant: Participant };
  'participant-started-talking': { participant: Participant };
  'participant-stopped-talking': { participant: Participant };
  'participant-network-quality-changed': { participant: Participant; networkQuality: number };
  /** A participant's microphone/camera stream changed (re-assign it to their `<audio>`). */
  'participant-stream-updated': { participant: Participant; stream: MediaStream };
  'participant-disconnected': { participant: Participant };
  'participant-reconnected': { participant: Participant };
}
