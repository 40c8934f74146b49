import { describe, expect, it } from 'vitest';
import { pathForState, safeNext } from './session.js';

describe('safeNext', () => {
  it('follows same-site paths', () => {
    expect(safeNext('/admin/audit?outcome=failure')).toBe('/admin/audit?outcome=failure');
  });

  it.each([null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses %s and goes home instead',
    (next) => {
      expect(safeNext(next)).toBe('/');
    },
  );
});

describe('pathForState', () => {
  it('sends each unfinished sign-in to its step', () => {
    expect(pathForState('active')).toBeNull();
    expect(pathForState('mfa_challenge')).toBe('/login/mfa');
    expect(pathForState('mfa_enrol')).toBe('/login/mfa-enrol');
    expect(pathForState('password_change')).toBe('/login/change-password');
  });
});
