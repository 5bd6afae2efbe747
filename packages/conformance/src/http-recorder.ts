import { checkReply, checkSchema, findOperation, type ObservedReply } from '@confab/protocol';
import { CheckFailure } from './assert.js';
import { type Transcript, truncate } from './transcript.js';

/** A reply as checks see it: `body` is parsed JSON, text, or undefined when empty. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  contentType: string | null;
  body: T;
  /** `METHOD /path` of the request, for messages. */
  label: string;
}

/** How to send one request. */
export interface RequestOptions {
  /** Sent as `Authorization: Bearer …`. */
  token?: string | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent exactly as given, with `contentType`. */
  raw?: string;
  contentType?: string;
  /** Sent as `multipart/form-data`. */
  form?: FormData;
  headers?: Record<string, string>;
  /** The route is deliberately not in the contract: the reply must still be a problem document. */
  offContract?: boolean;
}

const REQUEST_TIMEOUT_MS = 15_000;

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (!contentType || !/[/+]json\b/.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Shortens long ids and cursors in a path so the report stays readable. */
const shortPath = (path: string): string => (path.length > 160 ? `${path.slice(0, 160)}…` : path);

/**
 * `fetch` against the server under test. Every exchange goes into the check's transcript and every reply
 * is checked against `openapi/confab.yaml`; a reply that breaks the contract fails the check.
 */
export class HttpRecorder {
  constructor(
    readonly baseUrl: string,
    readonly transcript: Transcript,
  ) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined;
    if (options.form !== undefined) body = options.form;
    else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.raw !== undefined) {
      body = options.raw;
      if (options.contentType) headers['content-type'] = options.contentType;
    }
    const label = `${method} ${shortPath(path)}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : error;
      throw new CheckFailure(`${label}: no reply (${String(why)})`);
    }
    const contentType = response.headers.get('content-type');
    const parsed = parseBody(text, contentType);
    this.transcript.record({
      kind: 'http',
      method,
      path: shortPath(path),
      ...(body === undefined ? {} : { request: typeof body === 'string' ? truncate(body) : '(multipart/form-data)' }),
      status: response.status,
      contentType,
      ...(text === '' ? {} : { reply: truncate(text) }),
    });
    const observed: ObservedReply = {
      method,
      path: path.split('?')[0] ?? path,
      status: response.status,
      contentType,
      body: parsed,
    };
    const issues =
      options.offContract && !findOperation(method, observed.path) ? problemIssues(observed) : checkReply(observed);
    if (issues.length) {
      const list = issues.slice(0, 5).map((i) => `${i.path} ${i.message}`);
      throw new CheckFailure(`${label} → ${response.status}: the reply breaks the contract: ${list.join('; ')}`);
    }
    return { status: response.status, headers: response.headers, contentType, body: parsed as T, label };
  }

  get<T = unknown>(path: string, token?: string, options: RequestOptions = {}): Promise<Reply<T>> {
    return this.request<T>('GET', path, { ...options, token });
  }

  post<T = unknown>(path: string, token: string | undefined, json?: unknown): Promise<Reply<T>> {
    return this.request<T>('POST', path, { token, ...(json === undefined ? {} : { json }) });
  }

  put<T = unknown>(path: string, token: string | undefined, json?: unknown): Promise<Reply<T>> {
    return this.request<T>('PUT', path, { token, ...(json === undefined ? {} : { json }) });
  }

  patch<T = unknown>(path: string, token: string | undefined, json?: unknown): Promise<Reply<T>> {
    return this.request<T>('PATCH', path, { token, ...(json === undefined ? {} : { json }) });
  }

  delete<T = unknown>(path: string, token?: string): Promise<Reply<T>> {
    return this.request<T>('DELETE', path, { token });
  }
}

/** A reply off the contract's routes must still be a problem document. */
function problemIssues(reply: ObservedReply): { path: string; message: string }[] {
  if (!/^application\/problem\+json/.test(reply.contentType ?? '')) {
    return [{ path: '/', message: `not application/problem+json but ${reply.contentType ?? 'no content type'}` }];
  }
  const checked = checkSchema('Problem', reply.body);
  return checked.ok ? [] : checked.issues;
}
