/**
 * What the SDK checks before sending (docs/signaling.md, "Messages"); the server checks the
 * same again. Each function throws a ParleyError with INVALID_REQUEST naming the field.
 */
import { errorCode, ParleyError } from './errors.js';

const IDENTITY = /^[\p{L}\p{N}\w.\-+=/]{3,64}$/u;
const ROOM_NAME = /^[\p{L}\p{N}\w.\-+=]{3,250}$/u;
const DTMF = /^[0-9*#A-D]+$/;
const E164 = /^\+[1-9][0-9]{1,14}$/;
const SIP_URI = /^sips?:([^@\s]+@)?[A-Za-z0-9.\-\[\]:]+(;[^\s]*)?$/;
const MAX_SIP_URI = 256;
export const MAX_CUSTOM_DATA_JSON = 920;

export type CustomData = Record<string, string>;

function invalid(description: string): ParleyError {
  return new ParleyError(errorCode('INVALID_REQUEST', description));
}

export function validateIdentity(identity: unknown, field = 'identity'): string {
  if (typeof identity !== 'string' || !IDENTITY.test(identity)) {
    throw invalid(`${field} must be 3 to 64 letters, digits or the characters _ . - + = /`);
  }
  return identity;
}

export function validateRoomName(name: unknown): string {
  if (typeof name !== 'string' || !ROOM_NAME.test(name)) {
    throw invalid('room must be 3 to 250 letters, digits or the characters _ . - + =');
  }
  return name;
}

export function validateCustomData(data: unknown): CustomData {
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw invalid('customData must be an object of string values');
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') {
      throw invalid(`customData.${key} must be a string`);
    }
  }
  const json = JSON.stringify(data);
  if (json.length > MAX_CUSTOM_DATA_JSON) {
    throw invalid(`customData must be at most ${MAX_CUSTOM_DATA_JSON} characters of JSON (it is ${json.length})`);
  }
  return { ...(data as CustomData) };
}

/** A phone number in E.164 (`+` and 2 to 15 digits); else INVALID_DESTINATION. */
export function validatePhoneNumber(number: unknown): string {
  if (typeof number !== 'string' || !E164.test(number)) {
    throw new ParleyError(errorCode('INVALID_DESTINATION', 'the phone number must be E.164: + and 2 to 15 digits'));
  }
  return number;
}

/** A `sip:` or `sips:` URI; else INVALID_DESTINATION. */
export function validateSipUri(uri: unknown): string {
  if (typeof uri !== 'string' || uri.length > MAX_SIP_URI || !SIP_URI.test(uri)) {
    throw new ParleyError(errorCode('INVALID_DESTINATION', 'the destination must be a sip: or sips: URI'));
  }
  return uri;
}

/** A camera facing mode: absent (USER), USER or ENVIRONMENT. */
export function validateCameraFacingMode(value: unknown): 'USER' | 'ENVIRONMENT' {
  if (value === undefined || value === null) return 'USER';
  if (value !== 'USER' && value !== 'ENVIRONMENT') throw invalid('cameraFacingMode must be USER or ENVIRONMENT');
  return value;
}

/** A recording option: absent, AUDIO or AUDIO_AND_VIDEO. */
export function validateRecording(value: unknown): 'AUDIO' | 'AUDIO_AND_VIDEO' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== 'AUDIO' && value !== 'AUDIO_AND_VIDEO') throw invalid('recording must be AUDIO or AUDIO_AND_VIDEO');
  return value;
}

export function validateDtmf(digits: unknown): string {
  if (typeof digits !== 'string' || !DTMF.test(digits)) {
    throw invalid('DTMF digits must be 0-9, *, # or A-D');
  }
  return digits;
}
