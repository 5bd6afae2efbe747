import { openapiDocument } from './generated/document.js';
import { compileSchema, type SchemaIssue, toIssues } from './schemas.js';

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}

/** An HTTP reply, as a client saw it. */
export interface ObservedReply {
  method: string;
  /** The request path, without the query (`/api/v1/channels/0190…`). */
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

const document = openapiDocument as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
};

const routes = Object.entries(document.paths).map(([template, item]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  item,
}));

/** Finds the contract operation a request went to: `{template, operation}` or undefined. */
export function findOperation(method: string, path: string): { template: string; operation: Operation } | undefined {
  const route = routes.find((r) => r.pattern.test(path));
  const operation = route?.item[method.toLowerCase()];
  return route && operation ? { template: route.template, operation } : undefined;
}

function resolveResponse(response: ResponseObject): ResponseObject {
  const name = response.$ref?.replace('#/components/responses/', '');
  return name ? (document.components.responses[name] ?? response) : response;
}

/**
 * Checks one reply against the contract: the operation exists, the status is declared for it, the
 * content type is one it declares, and the body matches that media type's schema.
 * @returns the broken rules; empty when the reply honours the contract.
 */
export function checkReply(reply: ObservedReply): SchemaIssue[] {
  const found = findOperation(reply.method, reply.path);
  if (!found) return [{ path: '/', message: `${reply.method} ${reply.path} is not in the contract` }];
  const { template, operation } = found;
  const declared = operation.responses[String(reply.status)] ?? operation.responses.default;
  const where = `${reply.method} ${template} → ${reply.status}`;
  if (!declared) return [{ path: '/', message: `${where}: status not declared by ${operation.operationId}` }];
  const { content } = resolveResponse(declared);
  if (!content) {
    return reply.body === undefined || reply.body === '' ? [] : [{ path: '/', message: `${where}: no body expected` }];
  }
  const mediaType = (reply.contentType ?? '').split(';')[0]?.trim() ?? '';
  const media = content[mediaType];
  if (!media) {
    return [
      { path: '/', message: `${where}: content type "${mediaType}" not one of ${Object.keys(content).join(', ')}` },
    ];
  }
  if (!media.schema) return [];
  const validate = compileSchema(media.schema);
  return validate(reply.body)
    ? []
    : toIssues(validate.errors).map((i) => ({ ...i, message: `${where}: ${i.message}` }));
}
