import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChatError, toProblem } from '../errors.js';
import { secureReply } from './security-headers.js';

const frameworkCodes: Record<string, ChatError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
};

/** Turns a framework error into the contract's error, keeping its message only when it is about the request. */
function classify(error: FastifyError): ChatError {
  if (error instanceof ChatError) return error;
  const code = frameworkCodes[error.code];
  if (code) return new ChatError(code, error.message);
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_'))) {
    return new ChatError('invalid_request', `The body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode === 413) return new ChatError('payload_too_large', 'The body is too large.');
  return new ChatError('internal_error', 'Something went wrong on our side.');
}

/** Answers a request with the problem document of `error`. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: ChatError): FastifyReply {
  secureReply(reply);
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  return reply.code(error.status).type('application/problem+json').send(toProblem(error, request.id));
}

/** Every error leaves as problem+json with a stable `code`; internal ones are logged, never leaked. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = classify(error);
    if (problem.code === 'internal_error') request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    return sendProblem(
      reply,
      request,
      new ChatError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`),
    );
  });
}
