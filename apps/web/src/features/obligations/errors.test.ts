import { OBLIGATION_ERROR_CODES } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { translationEn, translationZhTW } from '../../i18n/resources.js';
import { OBLIGATIONS_ERROR_KEYS } from './errors.js';

describe('obligation error codes', () => {
  it('words every code the obligations contract lists, in both languages', () => {
    const keys: Record<string, string> = OBLIGATIONS_ERROR_KEYS;
    expect(OBLIGATION_ERROR_CODES.filter((code) => !keys[code])).toEqual([]);
    for (const key of Object.values(OBLIGATIONS_ERROR_KEYS)) {
      const leaf = key.replace('obligations.errors.', '') as keyof typeof translationEn.obligations.errors;
      expect(translationEn.obligations.errors[leaf], key).toBeTruthy();
      expect(translationZhTW.obligations.errors[leaf], key).toMatch(/\p{Script=Han}/u);
    }
  });
});
