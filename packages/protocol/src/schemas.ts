import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openapiDocument } from './generated/document.js';
import type { SchemaName } from './types.js';

const ROOT_ID = 'https://confab.dev/openapi';

/** One broken rule: where in the value, and what is wrong. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The result of checking a value against a contract schema. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

/** Rewrites the document's local `$ref`s so they resolve against the registered root. */
export function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example') continue; // OpenAPI annotations, not JSON Schema
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? ROOT_ID + value : absoluteRefs(value);
  }
  return out;
}

/** A new Ajv (JSON Schema 2020-12) that resolves `#/components/...` refs of the contract. */
export function createContractAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, ...options });
  addFormats.default(ajv);
  const components = (openapiDocument as { components: unknown }).components;
  ajv.addSchema({ $id: ROOT_ID, components: absoluteRefs(components) });
  return ajv;
}

let shared: Ajv2020 | undefined;

/** The Ajv instance that knows every schema of the contract. */
export function contractAjv(): Ajv2020 {
  shared ??= createContractAjv();
  return shared;
}

const compiled = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();

/** Compiles (once per Ajv) a validator for any JSON Schema that may `$ref` the contract's components. */
export function compileSchema(schema: object, ajv: Ajv2020 = contractAjv()): ValidateFunction {
  const cache = compiled.get(ajv) ?? new Map<string, ValidateFunction>();
  compiled.set(ajv, cache);
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(absoluteRefs(schema) as object);
    cache.set(key, validate);
  }
  return validate;
}

/** Turns Ajv errors into readable issues, e.g. `{path: "/body/text", message: "must NOT have more than 4000 characters"}`. */
export function toIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message:
      e.keyword === 'additionalProperties'
        ? `unknown property "${String(e.params.additionalProperty)}"`
        : (e.message ?? 'is invalid'),
  }));
}

/** Checks `value` against `components.schemas[name]` of the contract. */
export function checkSchema<T = unknown>(name: SchemaName, value: unknown): Checked<T> {
  const validate = compileSchema({ $ref: `#/components/schemas/${name}` });
  return validate(value) ? { ok: true, value: value as T } : { ok: false, issues: toIssues(validate.errors) };
}
