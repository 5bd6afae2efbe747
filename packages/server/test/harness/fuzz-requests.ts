import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { type ContractOperation, type Parameter, parametersHonour } from './fuzz-operations.js';
import { honours, mutations, validArbitrary } from './fuzz-schema.js';
import type { FuzzWorld } from './fuzz-world.js';

/**
 * What the contract says about a request: `valid` and `edge` (valid at a boundary) may be accepted;
 * `invalid` must be refused with a 4xx; `unauthenticated` must be refused with 401.
 */
export type RequestKind = 'valid' | 'edge' | 'invalid' | 'unauthenticated';

/** One generated request. */
export interface FuzzRequest {
  operation: ContractOperation;
  kind: RequestKind;
  /** What was changed, e.g. `body.text at an edge`. */
  label: string;
  method: string;
  /** Path and query, encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string | ArrayBuffer;
}

/** The parts of a request before encoding. */
interface Parts {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Bearer tokens that must all answer 401. */
function badCredentials(): [string, Record<string, string>][] {
  const claims = { sub: 'someone', iss: 'confab', scope: 'chat:read chat:write', exp: 4102444800 };
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  const forged = `${body}.${createHmac('sha256', 'not-the-secret').update(body).digest('base64url')}`;
  return [
    ['no token', {}],
    ['a garbage token', { authorization: 'Bearer garbage' }],
    ['an alg:none token', { authorization: `Bearer ${unsigned}` }],
    ['a token signed with another secret', { authorization: `Bearer ${forged}` }],
    ['Basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ];
}

/** Headers a client may send that change nothing about what the request means. */
const ODD_HEADERS: [string, Record<string, string>][] = [
  ['accept: text/html', { accept: 'text/html' }],
  ['accept: nothing JSON', { accept: 'image/png' }],
  ['an X-Forwarded-For chain', { 'x-forwarded-for': '1.2.3.4, 127.0.0.1' }],
  ['an Origin from elsewhere', { origin: 'https://evil.example' }],
  ['a huge cookie', { cookie: `a=${'b'.repeat(4000)}` }],
];

/** Ids that are not ids: injection-, traversal- and overflow-shaped, plus one well-formed id of nothing. */
const BAD_IDS = [
  "' OR 1=1 --",
  "1'; DROP TABLE messages; --",
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
  '%00',
  'a'.repeat(65),
  'b'.repeat(3000),
  '🦄',
  ' ',
  '0190d6f2-7a1e-7cc3-8e3f-000000000000',
  'me',
  '__proto__',
  'constructor',
];

const QUERY_VALUES: unknown[] = [
  '',
  '0',
  '-1',
  '101',
  '1.5',
  '1e3',
  'abc',
  'null',
  'true',
  ['1', '2'],
  'x'.repeat(5000),
  "' OR '1'='1",
  '%00',
  '𝕏',
  '9007199254740993',
  '1e308',
];

/** Bodies that are not the JSON the operation takes, whatever its schema. */
function rawBodies(bodyLimit: number): [string, string | undefined, string | ArrayBuffer | undefined][] {
  const depth = 20_000;
  return [
    ['truncated JSON', 'application/json', '{"name": "x", "visibility":'],
    ['an empty body', 'application/json', ''],
    ['no body', undefined, undefined],
    ['JSON null', 'application/json', 'null'],
    ['a JSON array', 'application/json', '[]'],
    ['a JSON string', 'application/json', '"text"'],
    ['a JSON number', 'application/json', '1e400'],
    ['deeply nested JSON', 'application/json', `${'['.repeat(depth)}${']'.repeat(depth)}`],
    ['deeply nested objects', 'application/json', `${'{"a":'.repeat(depth / 4)}1${'}'.repeat(depth / 4)}`],
    ['a body over the limit', 'application/json', JSON.stringify({ text: 'x'.repeat(bodyLimit + 1) })],
    ['bytes that are not UTF-8', 'application/json', Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).buffer],
    ['a form body', 'application/x-www-form-urlencoded', 'name=x&visibility=public'],
    ['text/plain JSON', 'text/plain', '{}'],
    ['XML', 'application/xml', '<channel name="x"/>'],
    [
      'a multipart body',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    ],
  ];
}

function encodePath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

function encodeQuery(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      search.append(key, typeof one === 'string' ? one : JSON.stringify(one));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const asStrings = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));

/** Page cursors: only the server makes valid ones, so a valid request leaves them out (the changed ones try them). */
const CURSORS = new Set(['cursor', 'before', 'after']);

function parametersArbitrary(parameters: Parameter[], world: FuzzWorld): fc.Arbitrary<Record<string, unknown>> {
  const record = Object.fromEntries(
    parameters
      .filter((p) => p.required || !CURSORS.has(p.name))
      .map((p) => [p.name, world.pathValues[p.name] ?? world.hints[p.name] ?? validArbitrary(p.schema)]),
  );
  return fc.record(record, { requiredKeys: parameters.filter((p) => p.required).map((p) => p.name) });
}

/** A valid request's parts, drawn from the contract's schemas and the world's real ids. */
function baseParts(operation: ContractOperation, world: FuzzWorld, seed: number): Parts {
  const arbitrary = fc.record({
    path: parametersArbitrary(operation.pathParameters, world),
    query: parametersArbitrary(operation.queryParameters, world),
    body: operation.body ? validArbitrary(operation.body, world.hints) : fc.constant(undefined),
  });
  const [parts] = fc.sample(arbitrary, { seed, numRuns: 1 });
  return { ...parts!, path: asStrings(parts!.path), query: asStrings(parts!.query) };
}

/** A request before the caller's credentials go on it. */
type Unsent = Omit<FuzzRequest, 'operation' | 'method'> & { method?: string };

function encodeRequest(
  operation: ContractOperation,
  parts: Parts,
  kind: RequestKind,
  label: string,
  headers: Record<string, string> = {},
): Unsent {
  const json: Record<string, string> = parts.body === undefined ? {} : { 'content-type': 'application/json' };
  return {
    kind,
    label,
    path: encodePath(operation.template, parts.path) + encodeQuery(parts.query),
    headers: { ...json, ...headers },
    ...(parts.body === undefined ? {} : { body: JSON.stringify(parts.body) }),
  };
}

/** Every way this round changes one part of a valid request: the candidates, before sampling. */
function candidates(operation: ContractOperation, base: Parts, bodyLimit: number): Unsent[] {
  const out: Unsent[] = [];
  const build = (parts: Parts, kind: RequestKind, label: string, headers: Record<string, string> = {}) =>
    encodeRequest(operation, parts, kind, label, headers);
  const judged = (honoured: boolean): RequestKind => (honoured ? 'edge' : 'invalid');

  for (const parameter of operation.pathParameters) {
    for (const id of BAD_IDS) {
      const path = { ...base.path, [parameter.name]: id };
      out.push(
        build(
          { ...base, path },
          judged(parametersHonour(operation.pathParameters, path)),
          `path ${parameter.name} = ${id.slice(0, 30)}`,
        ),
      );
    }
  }
  for (const parameter of operation.queryParameters) {
    for (const value of QUERY_VALUES) {
      const query = { ...base.query, [parameter.name]: value };
      const shown = JSON.stringify(value).slice(0, 30);
      out.push(
        build(
          { ...base, query },
          judged(parametersHonour(operation.queryParameters, query)),
          `query ${parameter.name} = ${shown}`,
        ),
      );
    }
    if (parameter.required) {
      const { [parameter.name]: _missing, ...query } = base.query;
      out.push(build({ ...base, query }, 'invalid', `query without ${parameter.name}`));
    }
  }
  if (operation.body) {
    for (const variant of mutations(operation.body, base.body)) {
      out.push(build({ ...base, body: variant.value }, judged(honours(operation.body, variant.value)), variant.label));
    }
    for (const [label, contentType, body] of rawBodies(bodyLimit)) {
      const request = build(
        { ...base, body: undefined },
        'invalid',
        label,
        contentType ? { 'content-type': contentType } : {},
      );
      out.push(body === undefined ? request : { ...request, body });
    }
    out.push(build(base, 'edge', 'JSON with a charset', { 'content-type': 'application/json; charset=utf-8' }));
  }
  if (operation.secured) {
    for (const [label, headers] of badCredentials()) out.push(build(base, 'unauthenticated', label, headers));
  }
  for (const [label, headers] of ODD_HEADERS) out.push(build(base, 'edge', label, headers));
  if (operation.body) out.push(build(base, 'edge', 'a gzip body that is not gzip', { 'content-encoding': 'gzip' }));
  for (const method of operation.undeclaredMethods) {
    const body = method === 'GET' ? undefined : base.body;
    out.push({ ...build({ ...base, body }, 'invalid', `method ${method}`), method });
  }
  return out;
}

/** Picks `count` of `items` with a seeded generator. */
function pick<T>(items: T[], count: number, seed: number): T[] {
  if (items.length <= count) return items;
  const [chosen] = fc.sample(fc.shuffledSubarray(items, { minLength: count, maxLength: count }), { seed, numRuns: 1 });
  return chosen!;
}

/**
 * One round of requests for one operation: the valid request, and `changed` requests that each change one
 * thing about it (sampled from every candidate). All carry the world user's token but the unauthenticated ones.
 */
export function roundOfRequests(
  operation: ContractOperation,
  world: FuzzWorld,
  options: { seed: number; changed: number; bodyLimit: number },
): FuzzRequest[] {
  const base = baseParts(operation, world, options.seed);
  const auth: Record<string, string> = operation.secured ? { authorization: `Bearer ${world.me.token}` } : {};
  const valid = encodeRequest(operation, base, 'valid', 'valid');
  const chosen = pick(candidates(operation, base, options.bodyLimit), options.changed, options.seed);
  return [valid, ...chosen].map((request) => ({
    ...request,
    operation,
    method: request.method ?? operation.method,
    headers: request.kind === 'unauthenticated' ? request.headers : { ...auth, ...request.headers },
  }));
}
