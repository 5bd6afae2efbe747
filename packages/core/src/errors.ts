import type { ErrorCode, Problem } from '@confab/protocol';

const RETRYABLE = new Set<string>(['rate_limited', 'unavailable', 'internal_error', 'network_error', 'timeout']);

/** What went wrong with a request or a socket frame; `code` is one of the contract's error codes. */
export class ConfabError extends Error {
  override readonly name = 'ConfabError';
  /** Worth trying again later (a network failure, a rate limit, a server restart). */
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode | 'network_error' | 'timeout',
    readonly detail: string,
    readonly status?: number,
    /** Seconds the server asked to wait. */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.retryable = RETRYABLE.has(code) || (status !== undefined && status >= 500);
  }

  /** From a problem+json reply (or whatever a failed reply carried). */
  static fromReply(status: number, body: unknown): ConfabError {
    const problem = (body ?? {}) as Partial<Problem>;
    return new ConfabError(
      problem.code ?? (status >= 500 ? 'internal_error' : 'invalid_request'),
      problem.detail ?? `HTTP ${status}`,
      status,
      problem.retryAfter,
    );
  }
}
