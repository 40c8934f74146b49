import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.js';

/** Error codes the UI knows how to word; anything else falls back to the server's message. */
const ERROR_KEYS = {
  'auth.invalid_credentials': 'errors.auth.invalid_credentials',
  'auth.rate_limited': 'errors.auth.rate_limited',
  'auth.unauthenticated': 'errors.auth.unauthenticated',
  'auth.forbidden': 'errors.auth.forbidden',
  'auth.csrf': 'errors.auth.csrf',
  'auth.origin': 'errors.auth.origin',
  'auth.mfa_invalid': 'errors.auth.mfa_invalid',
  'auth.session_state': 'errors.auth.session_state',
  'setup.invalid_token': 'errors.setup.invalid_token',
  'setup.already_done': 'errors.setup.already_done',
  'password.too_short': 'errors.password.too_short',
  'password.common': 'errors.password.common',
  'password.reused': 'errors.password.reused',
  'password.wrong_current': 'errors.password.wrong_current',
  'validation.failed': 'errors.validation.failed',
  'request.too_large': 'errors.request.too_large',
  not_found: 'errors.not_found',
  conflict: 'errors.conflict',
  'user.username_taken': 'errors.user.username_taken',
  'role.builtin_immutable': 'errors.role.builtin_immutable',
  'role.in_use': 'errors.role.in_use',
  'unit.has_children': 'errors.unit.has_children',
  'token.permission_not_held': 'errors.token.permission_not_held',
  'mfa.required': 'errors.mfa.required',
  network: 'errors.network',
  'response.invalid': 'errors.response_invalid',
} as const;

type KnownCode = keyof typeof ERROR_KEYS;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(ERROR_KEYS, code);
}

/** A sentence a person can act on, in the current language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (isKnownCode(error.code)) return t(ERROR_KEYS[error.code]);
    if (error.status >= 500) return t('errors.server');
    return error.message;
  }
  return t('errors.unexpected');
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** The per-field problems of a `validation.failed` error, when the server sent them. */
export function validationProblems(error: unknown): FieldProblem[] {
  if (!isApiError(error) || error.code !== 'validation.failed' || !Array.isArray(error.details)) return [];
  const problems: FieldProblem[] = [];
  for (const item of error.details) {
    if (typeof item !== 'object' || item === null) continue;
    const path = 'path' in item ? item.path : '';
    const message = 'message' in item ? item.message : '';
    problems.push({
      path: Array.isArray(path) ? path.join('.') : String(path),
      message: String(message),
    });
  }
  return problems;
}
