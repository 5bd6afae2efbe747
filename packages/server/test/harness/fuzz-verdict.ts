import { checkReply, checkSchema, findOperation } from '@confab/protocol';
import type { FuzzRequest } from './fuzz-requests.js';

/** What came back for one request. */
export interface FuzzReply {
  status: number;
  contentType: string | null;
  body: unknown;
}

/** Sends one generated request; a reply that never comes is reported as status 0. */
export async function sendRequest(baseUrl: string, request: FuzzRequest): Promise<FuzzReply> {
  try {
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    let body: unknown = text === '' ? undefined : text;
    if (text && /[/+]json\b/.test(contentType ?? '')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, contentType, body };
  } catch (error) {
    const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : error;
    return { status: 0, contentType: null, body: `no reply: ${String(why)}` };
  }
}

function problemIssue(reply: FuzzReply): string | undefined {
  if (!/^application\/problem\+json/.test(reply.contentType ?? ''))
    return `an error as ${reply.contentType}, not problem+json`;
  const checked = checkSchema('Problem', reply.body);
  if (!checked.ok)
    return `a problem document that breaks its schema: ${checked.issues[0]?.path} ${checked.issues[0]?.message}`;
  const problem = reply.body as { status: number; detail: string };
  if (problem.status !== reply.status) return `a problem whose status ${problem.status} is not the HTTP status`;
  if (!problem.detail.trim()) return 'a problem without a detail';
  return undefined;
}

/**
 * Why the reply to `request` is wrong, or undefined when it is right: never 5xx (nor silence); a status
 * the operation declares, with a body that matches the contract's schema for it; errors as problem+json
 * whose `status` is the HTTP status; invalid input refused with a 4xx, and bad credentials with 401.
 */
export function verdict(request: FuzzRequest, reply: FuzzReply): string | undefined {
  if (reply.status === 0) return String(reply.body);
  if (reply.status >= 500) return `answered ${reply.status}`;
  const path = request.path.split('?')[0] ?? request.path;
  if (findOperation(request.method, path)) {
    const issues = checkReply({ method: request.method, path, ...reply });
    if (issues.length) return issues.map((i) => `${i.path} ${i.message}`).join('; ');
  }
  if (reply.status >= 400) {
    const issue = problemIssue(reply);
    if (issue) return issue;
  }
  if (request.kind === 'invalid' && reply.status < 400)
    return `accepted input that breaks the contract (${reply.status})`;
  if (request.kind === 'unauthenticated' && reply.status !== 401)
    return `answered ${reply.status} to ${request.label}, not 401`;
  return undefined;
}
