import type { ErrorCode, SchemaIssue } from '@confab/protocol';

const titles: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  unauthorized: 'Unauthorized',
  token_expired: 'Token expired',
  invalid_credentials: 'Invalid credentials',
  forbidden: 'Forbidden',
  insufficient_scope: 'Insufficient scope',
  not_found: 'Not found',
  username_taken: 'Username taken',
  name_taken: 'Name taken',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  unavailable: 'Service unavailable',
  invalid_frame: 'Invalid frame',
  unknown_frame_type: 'Unknown frame type',
  banned: 'Banned',
  muted: 'Muted',
  read_only: 'Read-only channel',
  blocked: 'Blocked',
};

const statuses: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  token_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  username_taken: 409,
  name_taken: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
  invalid_frame: 400,
  unknown_frame_type: 400,
  banned: 403,
  muted: 403,
  read_only: 403,
  blocked: 403,
};

/** A rule the request broke; leaves the server as problem+json or a socket `error` frame. */
export class ChatError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryAfter: number | undefined;
  readonly issues: SchemaIssue[] | undefined;

  constructor(code: ErrorCode, detail: string, extra: { retryAfter?: number; issues?: SchemaIssue[] } = {}) {
    super(detail);
    this.name = 'ChatError';
    this.code = code;
    this.status = statuses[code];
    this.retryAfter = extra.retryAfter;
    this.issues = extra.issues;
  }

  get title(): string {
    return titles[this.code];
  }
}

/** The RFC 9457 problem document for an error. */
export function toProblem(error: ChatError, requestId?: string) {
  return {
    type: `https://confab.dev/problems/${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(requestId ? { requestId } : {}),
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    ...(error.issues?.length ? { errors: error.issues } : {}),
  };
}
