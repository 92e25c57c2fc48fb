import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { asKithError, httpStatusByCategory } from '../domain/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** Fastify's own client errors (bad JSON, wrong content type, too large) keep their 4xx status. */
function clientError(error: FastifyError): { status: number; code: string; message: string } | undefined {
  const status = error.statusCode ?? 0;
  if (status < 400 || status >= 500) return undefined;
  const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
  return { status, code, message: error.message.split('\n')[0]! };
}

/** The one mapping of failures to HTTP: every error body has the same shape. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = asKithError(error);
  if (known) {
    void reply.status(httpStatusByCategory[known.category]).send(errorBody(known.code, known.message, known.details));
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ in: error.validationContext ?? 'request', path: v.instancePath || '/', message: v.message ?? 'invalid' }));
    const first = issues[0]!;
    void reply.status(400).send(errorBody('invalid_request', `invalid ${first.in} at ${first.path}: ${first.message}`, { issues }));
    return;
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    void reply.status(500).send(errorBody('internal_error', 'the server built a response it could not send'));
    return;
  }
  const client = clientError(error);
  if (client) {
    void reply.status(client.status).send(errorBody(client.code, client.message));
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  process.stderr.write(`kith serve: ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
  void reply.status(500).send(errorBody('internal_error', 'something went wrong on the server; the details are in its log'));
}
