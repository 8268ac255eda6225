/** Local capture: microphone, camera and screen, and the device lists. */
import { errorCode, ParleyError } from './errors.js';

function fail(what: string, e: unknown): ParleyError {
  const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new ParleyError(errorCode('MEDIA_FAILED', `${what}: ${reason}`));
}

function devices(): MediaDevices {
  if (!globalThis.navigator?.mediaDevices) {
    throw new ParleyError(errorCode('MEDIA_FAILED', 'this page has no media devices (is it served over https or localhost?)'));
  }
  return navigator.mediaDevices;
}

export async function microphone(deviceId?: string): Promise<MediaStreamTrack> {
  try {
    const stream = await devices().getUserMedia({
      audio: deviceId ? { deviceId: { exact: deviceId } } : true,
    });
    return stream.getAudioTracks()[0];
  } catch (e) {
    throw fail('cannot open the microphone', e);
  }
}

/**
 * The camera `deviceId`, else the one facing `facing` ('user' or 'environment'). The facing mode
 * is only preferred: a browser with one camera gives that one rather than failing.
 */
export async function camera(deviceId?: string, facing: 'user' | 'environment' = 'user'): Promise<MediaStreamTrack> {
  try {
    const stream = await devices().getUserMedia({
      video: deviceId ? { deviceId: { exact: deviceId } }
        : { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: { ideal: facing } },
    });
    return stream.getVideoTracks()[0];
  } catch (e) {
    throw fail('cannot open the camera', e);
  }
}

export async function screen(): Promise<MediaStreamTrack> {
  try {
    const stream = await devices().getDisplayMedia({ video: true, audio: false });
    return stream.getVideoTracks()[0];
  } catch (e) {
    throw fail('cannot share the screen', e);
  }
}

export async function listDevices(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  const all = await devices().enumerateDevices();
  return all.filter((d) => d.kind === kind);
}
