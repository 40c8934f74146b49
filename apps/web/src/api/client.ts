import { errorBody } from '@vigil/contracts';
import type { z } from 'zod';

/** An error answered by the API (or a network/response failure mapped to the same shape). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

/** True for errors answered by the API, optionally only for one error code. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// The CSRF token lives with the session; every session response refreshes it.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type ApiListener = (error: ApiError, request: { method: Method; path: string }) => void;
const listeners = new Set<ApiListener>();

/** Called for every API error, so the app can react to a lost session in one place. */
export function onApiError(listener: ApiListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic error.
  }
  const parsed = errorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError(response.status, code, message, details, requestId);
  }
  return new ApiError(response.status, `http.${response.status}`, response.statusText || 'Request failed');
}

async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
  raw?: { data: Blob; contentType: string },
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['Content-Type'] = raw ? raw.contentType : 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    init.body = raw ? raw.data : JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    const error = new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
    for (const listener of listeners) listener(error, { method, path });
    throw error;
  }

  if (!response.ok) {
    const error = await readError(response);
    for (const listener of listeners) listener(error, { method, path });
    throw error;
  }

  const json: unknown = response.status === 204 ? {} : await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, 'response.invalid', `Unexpected response from ${method} ${path}`);
  }
  return parsed.data;
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => request('GET', path, schema),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => request('POST', path, schema, body),
  put: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => request('PUT', path, schema, body),
  patch: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    request('PATCH', path, schema, body),
  delete: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    request('DELETE', path, schema, body),
  /** POSTs a file as the raw request body (imports); the answer is JSON like any other call. */
  upload: <S extends z.ZodType>(path: string, schema: S, file: Blob, contentType?: string) =>
    request('POST', path, schema, undefined, {
      data: file,
      contentType: contentType || file.type || 'application/octet-stream',
    }),
};
