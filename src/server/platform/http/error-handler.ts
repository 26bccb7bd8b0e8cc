import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError, fieldLabel, type FieldError } from './errors.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[]; current?: unknown };
}

const CONTEXT_PREFIX: Record<string, string> = { body: '', querystring: '', params: '', headers: 'en-tête ' };

function validationBody(error: FastifyError & { validation: { instancePath: string; message?: string }[] }): ErrorBody {
  const fields = error.validation.map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
    message: issue.message ?? 'Valeur invalide',
  }));
  const prefix = CONTEXT_PREFIX[error.validationContext ?? 'body'] ?? '';
  const summary = fields
    .slice(0, 5)
    .map((f) => `${prefix}${fieldLabel(f.path)} : ${f.message}`)
    .join(' ; ');
  return { error: { code: 'validation', message: `Données invalides — ${summary}`, fields } };
}

/** Framework errors (body parsing, size limits) translated to French with the documented shape. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Le corps de la requête n’est pas un JSON valide.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Le corps de la requête est vide alors qu’un JSON est attendu.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large', message: 'Le corps de la requête est trop volumineux.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Type de contenu non pris en charge : envoyez du JSON (application/json).' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_request', message: 'La longueur annoncée du corps de la requête est incorrecte.' },
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_request', message: 'Adresse de requête invalide.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', message: 'Un paramètre de l’adresse est trop long (100 caractères au plus).' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'invalid_request', message: 'Requête invalide.' },
};

/** Connection-level failures of either engine: the database is away, not the request wrong. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message);
}

/** Busboy's messages for a multipart body cut short or garbled: the client's upload, not the server, is at fault. */
const BROKEN_MULTIPART = /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/;

function toBody(error: FastifyError): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    const { code, message, fields, current } = error;
    return { status: error.statusCode, body: { error: { code, message, fields, current } } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) return { status: 400, body: validationBody(error) };
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return { status: known.status, body: { error: { code: known.code, message: known.message } } };
  if (!error.code && BROKEN_MULTIPART.test(error.message)) {
    const message = 'le formulaire envoyé (multipart/form-data) est incomplet ou illisible : renvoyez le fichier.';
    return { status: 400, body: { error: { code: 'invalid_multipart', message: `« fichier » : ${message}`, fields: [{ path: 'file', message }] } } };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: { error: { code: 'unavailable', message: 'La base de données est momentanément indisponible : réessayez dans quelques instants. Rien n’a été enregistré.' } },
    };
  }
  if (error.statusCode === 429) {
    return { status: 429, body: { error: { code: 'rate_limited', message: 'Trop de demandes en peu de temps : patientez une minute avant de réessayer.' } } };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { error: { code: 'invalid_request', message: 'Requête invalide.' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Erreur interne du serveur. L’incident a été enregistré.' } } };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toBody(error);
    if (status >= 500) request.log.error({ err: error }, status === 503 ? 'database unavailable' : 'unhandled error');
    if (status === 503) void reply.header('retry-after', '5');
    return reply.status(status).send(body);
  });
}

/**
 * Errors the router raises before any route or hook runs (malformed URL, over-long path parameter):
 * without this they would get Fastify's own English body.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toBody(error);
  void reply.status(status).send(body);
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send({
    error: { code: 'not_found', message: `Aucune ressource à cette adresse : ${request.method} ${request.url.split('?')[0]}` },
  });
}
