/**
 * Error codes shared by the server, the SDK and webhooks (docs/signaling.md, "Errors").
 * Every call ending, room leaving and error carries one as `errorCode`.
 */
export interface ErrorCode {
  id: number;
  name: string;
  description: string;
}

const table = {
  NORMAL_HANGUP: [10000, 'A party hung up an established call, or left a room.'],
  ANSWERED_ELSEWHERE: [10001, 'Another device of the callee accepted.'],
  NO_ANSWER: [10200, 'Nobody accepted within the ring timeout.'],
  BUSY: [10201, 'The callee is already in a call.'],
  CANCELLED: [10202, 'The caller hung up before the callee accepted.'],
  REJECTED: [10203, 'The callee declined.'],
  MEDIA_FAILED: [10300, 'The media connection could not be set up or was lost for good.'],
  CONNECTION_LOST: [10301, 'The connection did not come back within 30 s.'],
  UNAUTHENTICATED: [10302, 'The token is not valid.'],
  DESTINATION_NOT_FOUND: [10303, 'No such identity in this account.'],
  DESTINATION_UNAVAILABLE: [10304, 'The identity exists but has no connected device.'],
  ROOM_FULL: [10305, 'The room has its maximum of participants.'],
  INVALID_REQUEST: [10400, 'The request breaks a rule of the protocol.'],
  UNKNOWN_CALL: [10404, 'The call is not one of this client\'s calls or rooms.'],
  INVALID_STATE: [10409, 'The request does not fit the call\'s state.'],
  INTERNAL_ERROR: [10500, 'The server failed.'],
} as const;

export type ErrorCodeName = keyof typeof table;

/** The error codes by name, each with its id and a default description. */
export const ErrorCodes: { readonly [K in ErrorCodeName]: ErrorCode } = Object.freeze(
  Object.fromEntries(
    Object.entries(table).map(([name, [id, description]]) => [name, Object.freeze({ id, name, description })]),
  ),
) as { readonly [K in ErrorCodeName]: ErrorCode };

/** An error code with the given name and, optionally, a more specific description. */
export function errorCode(name: ErrorCodeName, description?: string): ErrorCode {
  const base = ErrorCodes[name];
  return { id: base.id, name: base.name, description: description ?? base.description };
}

/** Normalizes an `errorCode` object received from the server. */
export function toErrorCode(value: unknown, fallback: ErrorCodeName = 'INTERNAL_ERROR'): ErrorCode {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.id === 'number' && typeof v.name === 'string') {
      return { id: v.id, name: v.name, description: typeof v.description === 'string' ? v.description : '' };
    }
  }
  return errorCode(fallback);
}

/** What the SDK throws (or rejects with): an Error that carries an {@link ErrorCode}. */
export class ParleyError extends Error {
  readonly errorCode: ErrorCode;

  constructor(code: ErrorCode) {
    super(`${code.name}: ${code.description}`);
    this.name = 'ParleyError';
    this.errorCode = code;
  }
}
