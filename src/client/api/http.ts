import type { ErrorResponse } from '../../shared/api/index.js';

type FieldError = { path: string; message: string };

/** An error answer of the API, in the shape of DESIGN §6 (French message, field errors, current object on 409). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403 && this.code !== 'csrf';
  }
}

/** The server's message about one field of the request, if its error names that field. */
export function serverFieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields.find((f) => f.path === field)?.message : undefined;
}

/**
 * The anti-forgery token of the current session (from `GET /auth/me`, or the login and invitation
 * answers). Every write authenticated by the session cookie must send it in `x-csrf-token`.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const API_ROOT = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type FetchOptions = { method?: Method; body?: unknown; form?: FormData; signal?: AbortSignal };

export async function apiFetch<T>(path: string, options: FetchOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // The session changed elsewhere (another tab signed in again): take the new token, try once more.
    if (!(error instanceof ApiError && error.status === 403 && error.code === 'csrf')) throw error;
    const me = await send<{ csrfToken: string | null }>('/auth/me', { signal: options.signal });
    setCsrfToken(me.csrfToken);
    return send<T>(path, options);
  }
}

/** Sends a file (multipart/form-data) with the session's anti-forgery token, like any other write. */
export function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return apiFetch<T>(path, { method: 'POST', form });
}

async function send<T>(path: string, { method = 'GET', body, form, signal }: FetchOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_ROOT}${path}`, {
      method,
      signal,
      credentials: 'same-origin',
      headers,
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as Partial<ErrorResponse> | null)?.error;
  if (!error || typeof error.message !== 'string') {
    return new ApiError(status, 'http', `Le serveur a répondu par une erreur (${status}). Réessayez plus tard.`);
  }
  return new ApiError(status, error.code, error.message, error.fields ?? [], error.current);
}

/** Builds "?a=1&b=x" from defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
