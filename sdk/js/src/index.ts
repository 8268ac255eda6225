/**
 * Parley browser SDK. `import { createClient } from '/sdk/parley.js'`, or
 * `<script type="module" src="/sdk/parley.js">` and `window.Parley.createClient(...)`.
 */
import { createClient, ParleyClient } from './client.js';
import { Call } from './call.js';
import { RoomCall } from './room.js';
import { ErrorCodes, ParleyError } from './errors.js';
import {
  validateCustomData, validateDtmf, validateIdentity, validatePhoneNumber, validateRoomName, validateSipUri,
} from './validation.js';

export { createClient, ParleyClient } from './client.js';
export { Call } from './call.js';
export { RoomCall } from './room.js';
export { MediaCall } from './base.js';
export { Emitter } from './events.js';
export type { Listener } from './events.js';
export { ErrorCodes, ParleyError } from './errors.js';
export type { ErrorCode, ErrorCodeName } from './errors.js';
export type { CustomData } from './validation.js';
export type { Source } from './peers.js';
export type * from './types.js';

export const version = '0.1.0';

/** Everything above as one object; also `globalThis.Parley`. */
export const Parley = {
  createClient, ParleyClient, Call, RoomCall, ErrorCodes, ParleyError, version,
  validate: {
    identity: validateIdentity, roomName: validateRoomName, customData: validateCustomData, dtmf: validateDtmf,
    phoneNumber: validatePhoneNumber, sipUri: validateSipUri,
  },
};

(globalThis as { Parley?: typeof Parley }).Parley = Parley;

export default Parley;
