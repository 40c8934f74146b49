import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.js';
import { ASSETS_ERROR_KEYS } from '../features/assets/errors.js';
import { COMPLIANCE_ERROR_KEYS } from '../features/compliance/errors.js';
import { DOCUMENTS_ERROR_KEYS } from '../features/documents/errors.js';
import { FRAMEWORKS_ERROR_KEYS } from '../features/frameworks/errors.js';
import { NOTIFICATIONS_ERROR_KEYS } from '../features/notifications/errors.js';
import { OBLIGATIONS_ERROR_KEYS } from '../features/obligations/errors.js';
import { REGULATIONS_ERROR_KEYS } from '../features/regulations/errors.js';
import { RISKS_ERROR_KEYS } from '../features/risks/errors.js';

/**
 * Every error code the server can send, and the i18n key that words it. Codes missing here fall back to
 * the server's English message, so `error-codes.test.ts` scans the server source and fails on any gap.
 */
export const ERROR_KEYS = {
  'auth.invalid_credentials': 'errors.auth.invalid_credentials',
  'auth.rate_limited': 'errors.auth.rate_limited',
  'auth.unauthenticated': 'errors.auth.unauthenticated',
  'auth.forbidden': 'errors.auth.forbidden',
  'auth.csrf': 'errors.auth.csrf',
  'auth.origin': 'errors.auth.origin',
  'auth.mfa_invalid': 'errors.auth.mfa_invalid',
  'auth.session_state': 'errors.auth.session_state',
  'auth.invalid_token': 'errors.auth.invalid_token',
  'auth.token_not_allowed': 'errors.auth.token_not_allowed',
  'setup.invalid_token': 'errors.setup.invalid_token',
  'setup.already_done': 'errors.setup.already_done',
  'password.too_short': 'errors.password.too_short',
  'password.common': 'errors.password.common',
  'password.reused': 'errors.password.reused',
  'password.wrong_current': 'errors.password.wrong_current',
  'mfa.required': 'errors.mfa.required',
  'mfa.already_enabled': 'errors.mfa.already_enabled',
  'mfa.not_enabled': 'errors.mfa.not_enabled',
  'mfa.not_started': 'errors.mfa.not_started',
  'validation.failed': 'errors.validation.failed',
  'request.too_large': 'errors.request.too_large',
  'request.invalid_text': 'errors.request.invalid_text',
  'request.invalid_encoding': 'errors.request.invalid_encoding',
  'request.unsupported_charset': 'errors.request.unsupported_charset',
  'request.unsupported_media_type': 'errors.request.unsupported_media_type',
  'request.malformed_json': 'errors.request.malformed_json',
  'request.bad_length': 'errors.request.bad_length',
  'request.empty_body': 'errors.request.empty_body',
  'request.invalid': 'errors.request.invalid',
  not_found: 'errors.not_found',
  'conflict.duplicate': 'errors.conflict.duplicate',
  'user.username_taken': 'errors.user.username_taken',
  'user.unknown': 'errors.user.unknown',
  'user.last_admin': 'errors.user.last_admin',
  'user.self_action': 'errors.user.self_action',
  'user.self_disable': 'errors.user.self_disable',
  'role.builtin_immutable': 'errors.role.builtin_immutable',
  'role.in_use': 'errors.role.in_use',
  'role.id_taken': 'errors.role.id_taken',
  'role.unknown': 'errors.role.unknown',
  'role.unknown_permission': 'errors.role.unknown_permission',
  'role.permission_not_held': 'errors.role.permission_not_held',
  'unit.has_children': 'errors.unit.has_children',
  'unit.unknown': 'errors.unit.unknown',
  'unit.code_taken': 'errors.unit.code_taken',
  'unit.cycle': 'errors.unit.cycle',
  'unit.too_deep': 'errors.unit.too_deep',
  'settings.unknown_role': 'errors.settings.unknown_role',
  'token.permission_not_held': 'errors.token.permission_not_held',
  // Server bugs: the person can only retry and pass the request id on.
  internal: 'errors.server',
  'route.undeclared_access': 'errors.server',
  // Raised by the client itself (api/client.ts), not by the server.
  network: 'errors.network',
  'response.invalid': 'errors.response_invalid',
  ...ASSETS_ERROR_KEYS,
  ...RISKS_ERROR_KEYS,
  ...COMPLIANCE_ERROR_KEYS,
  ...DOCUMENTS_ERROR_KEYS,
  ...FRAMEWORKS_ERROR_KEYS,
  ...NOTIFICATIONS_ERROR_KEYS,
  ...OBLIGATIONS_ERROR_KEYS,
  ...REGULATIONS_ERROR_KEYS,
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
