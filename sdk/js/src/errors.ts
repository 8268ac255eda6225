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
  FORBIDDEN: [10300, 'The call is not allowed: the caller ID is not one of the account\'s numbers with outbound calls enabled, or the far end refused it.'],
  UNAUTHENTICATED: [10302, 'The token is not valid.'],
  DESTINATION_NOT_FOUND: [10303, 'No such destination in this account.'],
  DESTINATION_UNAVAILABLE: [10304, 'The destination has no connected device or cannot be reached now.'],
  INVALID_DESTINATION: [10305, 'The destination is not a valid phone number, SIP URI or identity.'],
  ROOM_FULL: [10306, 'The room has its maximum of participants.'],
  URL_NOT_FOUND: [10400, 'The dynamic destination callback answered an error status.'],
  URL_UNREACHABLE: [10401, 'The dynamic destination callback could not be reached in time.'],
  INVALID_RESPONSE: [10402, 'The dynamic destination callback answered something that is not a route.'],
  NO_DYNAMIC_DESTINATION: [10403, 'The account has no dynamic destination callback configured.'],
  INTERNAL_ERROR: [10500, 'The server failed.'],
  MEDIA_FAILED: [10501, 'The media connection could not be set up or was lost for good.'],
  CONNECTION_LOST: [10502, 'The connection did not come back within 30 s.'],
  GATEWAY_ERROR: [10503, 'The SIP trunk or SIP endpoint failed or did not answer.'],
  INVALID_REQUEST: [10600, 'The request breaks a rule of the protocol.'],
  UNKNOWN_CALL: [10601, 'The call is not one of this client\'s calls or rooms.'],
  INVALID_STATE: [10602, 'The request does not fit the call\'s state.'],
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
