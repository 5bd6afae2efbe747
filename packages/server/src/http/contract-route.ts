import {
  compileSchema,
  createContractAjv,
  openapiDocument,
  type operations,
  type Scope,
  toIssues,
} from '@confab/protocol';
import type { ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { ChatError } from '../errors.js';
import type { Actor } from '../services/actor.js';
import { requireScope } from '../services/actor.js';

type OperationId = keyof operations;

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: object;
}
interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: object }> };
  security?: Record<string, string[]>[];
}

const document = openapiDocument as {
  paths: Record<string, Record<string, OperationObject> & { parameters?: OperationObject['parameters'] }>;
  components: { parameters: Record<string, ParameterObject> };
  security: Record<string, string[]>[];
};

const coercing = createContractAjv({ coerceTypes: true, useDefaults: true });

type JsonBody<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } } ? B : undefined;
type Part<Op, K extends 'path' | 'query'> = Op extends { parameters: { [P in K]?: infer V } } ? NonNullable<V> : never;

/** A request that passed the contract's checks, with typed parts. */
export interface ContractRequest<Id extends OperationId> {
  params: Part<operations[Id], 'path'>;
  query: Part<operations[Id], 'query'>;
  body: JsonBody<operations[Id]>;
  /** The caller; present on every operation that needs a bearer token. */
  actor: Actor;
  raw: FastifyRequest;
}

/** Resolves the bearer token of a request to an actor (throws `unauthorized`). */
export type Authenticate = (request: FastifyRequest) => Promise<Actor>;

function findOperation(operationId: string) {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method !== 'parameters' && (operation as OperationObject).operationId === operationId) {
        return {
          path,
          method: method.toUpperCase() as HTTPMethods,
          operation: operation as OperationObject,
          shared: item.parameters ?? [],
        };
      }
    }
  }
  throw new Error(`operation ${operationId} is not in the contract`);
}

function parameterValidator(parameters: ParameterObject[], where: 'path' | 'query'): ValidateFunction {
  const own = parameters.filter((p) => p.in === where);
  return compileSchema(
    {
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [p.name, p.schema])),
      required: own.filter((p) => p.required).map((p) => p.name),
    },
    coercing,
  );
}

function check(validate: ValidateFunction, value: unknown, part: string): void {
  if (validate(value)) return;
  const issues = toIssues(validate.errors).map((i) => ({ ...i, path: `${part}${i.path === '/' ? '' : i.path}` }));
  const first = issues[0]!;
  throw new ChatError('invalid_request', `${first.path} ${first.message}`, { issues });
}

/**
 * Registers the handler of one contract operation: its method and path, its parameter and body
 * schemas, and its security (bearer token, scopes) all come from `openapi/confab.yaml`.
 */
export function contractRoute<Id extends OperationId>(
  app: FastifyInstance,
  authenticate: Authenticate,
  operationId: Id,
  handler: (request: ContractRequest<Id>, reply: FastifyReply) => Promise<unknown>,
): void {
  const { path, method, operation, shared } = findOperation(operationId);
  const parameters = [...shared, ...(operation.parameters ?? [])].map((p) =>
    '$ref' in p ? document.components.parameters[p.$ref.split('/').pop()!]! : p,
  );
  const validatePath = parameterValidator(parameters, 'path');
  const validateQuery = parameterValidator(parameters, 'query');
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const validateBody = bodySchema && compileSchema(bodySchema);
  const security = operation.security ?? document.security;
  const scopes = (security[0]?.bearerAuth ?? []) as Scope[];
  const secured = security.length > 0;

  app.route({
    method,
    url: path.replace(/\{([^}]+)\}/g, ':$1'),
    handler: async (request, reply) => {
      const actor = secured ? await authenticate(request) : (undefined as unknown as Actor);
      for (const scope of scopes) requireScope(actor, scope);
      const params = { ...(request.params as object) };
      const query = { ...(request.query as object) };
      check(validatePath, params, 'path');
      check(validateQuery, query, 'query');
      if (validateBody) {
        if (request.body === undefined) throw new ChatError('invalid_request', 'This needs a JSON body.');
        check(validateBody, request.body, 'body');
      }
      return handler({ params, query, body: request.body, actor, raw: request } as ContractRequest<Id>, reply);
    },
  });
}
