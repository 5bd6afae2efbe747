import { compileSchema, createContractAjv, openapiDocument } from '@confab/protocol';
import type { ValidateFunction } from 'ajv';
import { resolveSchema, type Schema } from './fuzz-schema.js';

/** A parameter of an operation, `$ref`s resolved. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

/** One operation of `openapi/confab.yaml`, as the fuzzer needs it. */
export interface ContractOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/api/v1/channels/{channelId}`. */
  template: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body: Schema | undefined;
  bodyRequired: boolean;
  /** Needs a bearer token. */
  secured: boolean;
  /** The scopes its token must carry. */
  scopes: string[];
  /** Methods its path does not declare (each must be refused with a problem document). */
  undeclaredMethods: string[];
}

interface RawOperation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: Record<string, string[]>[];
}

const document = openapiDocument as {
  paths: Record<string, Record<string, RawOperation> & { parameters?: RawOperation['parameters'] }>;
  components: { parameters: Record<string, Parameter> };
  security: Record<string, string[]>[];
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every operation of the contract, in document order (new operations are fuzzed as soon as they appear). */
export function contractOperations(): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      const parameters = [...(item.parameters ?? []), ...(raw.parameters ?? [])].map((p) =>
        '$ref' in p ? document.components.parameters[p.$ref.split('/').pop() ?? '']! : p,
      );
      const security = raw.security ?? document.security;
      operations.push({
        operationId: raw.operationId,
        method: method.toUpperCase(),
        template,
        pathParameters: parameters.filter((p) => p.in === 'path'),
        queryParameters: parameters.filter((p) => p.in === 'query'),
        body: raw.requestBody?.content['application/json']?.schema,
        bodyRequired: raw.requestBody?.required === true,
        secured: security.length > 0,
        scopes: security[0]?.bearerAuth ?? [],
        undeclaredMethods: METHODS.filter((m) => !item[m]).map((m) => m.toUpperCase()),
      });
    }
  }
  return operations;
}

/** An object schema for one kind of parameter, as the server validates them. */
export function parameterSchema(parameters: Parameter[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, resolveSchema(p.schema)])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}

const coercing = createContractAjv({ coerceTypes: true, useDefaults: true });
const validators = new WeakMap<Parameter[], ValidateFunction>();

/**
 * True when parameters as they arrive (strings, or arrays of strings for a repeated query key) honour
 * their schemas once coerced, the way the contract reads a URL.
 */
export function parametersHonour(parameters: Parameter[], values: Record<string, unknown>): boolean {
  let validate = validators.get(parameters);
  if (!validate) {
    validate = compileSchema(parameterSchema(parameters), coercing);
    validators.set(parameters, validate);
  }
  return validate(structuredClone(values)) === true;
}
