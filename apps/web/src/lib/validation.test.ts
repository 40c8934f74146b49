import { createApiTokenRequest, setupRequest } from '@vigil/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldErrors, hasErrors } from './validation.js';

// Echoes the key and its options, so the tests see which message was chosen and with what numbers.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('fieldErrors', () => {
  it('returns nothing for a valid body', () => {
    const errors = fieldErrors(
      createApiTokenRequest,
      { name: 'SIEM', permissions: ['audit.read'], expiresInDays: 30 },
      t,
    );
    expect(hasErrors(errors)).toBe(false);
  });

  it('words the contract limits per field, using the numbers from the schema', () => {
    const errors = fieldErrors(createApiTokenRequest, { name: '', permissions: [], expiresInDays: 400 }, t);
    expect(errors.name).toBe('common.required');
    expect(errors.permissions).toBe('validation.minItems {"count":1}');
    expect(errors.expiresInDays).toBe('validation.max {"max":366}');
  });

  it('reports a bad email and a bad username format', () => {
    const errors = fieldErrors(
      setupRequest,
      { token: 'x'.repeat(32), username: 'Bad Name!', displayName: 'A', password: 'p', email: 'nope' },
      t,
    );
    expect(errors.email).toBe('validation.email');
    expect(errors.username).toBe('validation.format');
  });
});
