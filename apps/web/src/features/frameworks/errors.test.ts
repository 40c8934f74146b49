import { FRAMEWORK_ERROR_CODES } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { translationEn, translationZhTW } from '../../i18n/resources.js';
import { FRAMEWORKS_ERROR_KEYS } from './errors.js';

describe('framework error codes', () => {
  it('words every code the framework contract lists, in both languages', () => {
    const keys: Record<string, string> = FRAMEWORKS_ERROR_KEYS;
    expect(FRAMEWORK_ERROR_CODES.filter((code) => !keys[code])).toEqual([]);
    for (const key of Object.values(FRAMEWORKS_ERROR_KEYS)) {
      const leaf = key.replace('frameworks.errors.', '') as keyof typeof translationEn.frameworks.errors;
      expect(translationEn.frameworks.errors[leaf], key).toBeTruthy();
      expect(translationZhTW.frameworks.errors[leaf], key).toMatch(/\p{Script=Han}/u);
    }
  });
});
