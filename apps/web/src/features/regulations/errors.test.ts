import { REGULATION_ERROR_CODES } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { translationEn, translationZhTW } from '../../i18n/resources.js';
import { REGULATIONS_ERROR_KEYS } from './errors.js';

describe('regulation error codes', () => {
  it('words every code the regulations contract lists, in both languages', () => {
    const keys: Record<string, string> = REGULATIONS_ERROR_KEYS;
    expect(REGULATION_ERROR_CODES.filter((code) => !keys[code])).toEqual([]);
    for (const key of Object.values(REGULATIONS_ERROR_KEYS)) {
      const leaf = key.replace('regulations.errors.', '') as keyof typeof translationEn.regulations.errors;
      expect(translationEn.regulations.errors[leaf], key).toBeTruthy();
      expect(translationZhTW.regulations.errors[leaf], key).toMatch(/\p{Script=Han}/u);
    }
  });
});
