import { isUniqueViolation } from '@vigil/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'request.too_large',
    message: 'request body is larger than the configured limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: 'send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'request.bad_length',
    message: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body', message: 'request body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    message: 'request body is not valid JSON',
  },
};

function map(err: unknown): Mapped {
  if (err instanceof AppError)
    return { status: err.statusCode, code: err.code, message: err.message, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: `${err.validationContext ?? ''}${v.instancePath}`,
      message: v.message ?? 'invalid',
    }));
    return {
      status: 400,
      code: 'validation.failed',
      message: 'the request does not match what this endpoint accepts',
      details,
    };
  }
  // Services check names before inserting; two requests at once can both pass, and the constraint decides.
  if (isUniqueViolation(err)) {
    return {
      status: 409,
      code: 'conflict.duplicate',
      message: 'a record with this name, code or id was just created; reload and try again',
    };
  }
  const fe = err as FastifyError;
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { status: known.status, code: known.code, message: known.message };
  if (fe instanceof SyntaxError || fe.name === 'SyntaxError') {
    return { status: 400, code: 'request.malformed_json', message: 'request body is not valid JSON' };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'request.invalid', message: fe.message };
  }
  return {
    status: 500,
    code: 'internal',
    message: 'internal error; the request id identifies it in the server log',
  };
}

/** One place turns every failure into `{ error: { code, message, details, requestId } }`. */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const m = map(err);
  if (m.status >= 500) {
    req.log.error({ err, serialization: isResponseSerializationError(err) }, 'request failed');
  } else if (m.status === 401 || m.status === 403) {
    req.log.info({ code: m.code }, 'request refused');
  }
  return reply
    .code(m.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: m.code,
        message: m.message,
        ...(m.details === undefined ? {} : { details: m.details }),
        requestId: req.id,
      },
    });
}
