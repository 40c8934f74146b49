import { RISK_ERROR_CODES } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { translationEn, translationZhTW } from '../../i18n/resources.js';
import { RISKS_ERROR_KEYS } from './errors.js';

describe('risk error codes', () => {
  it('words every code the risk contract lists, in both languages', () => {
    const keys: Record<string, string> = RISKS_ERROR_KEYS;
    const missing = RISK_ERROR_CODES.filter((code) => !keys[code]);
    expect(missing).toEqual([]);
    for (const key of Object.values(RISKS_ERROR_KEYS)) {
      const leaf = key.replace('risks.errors.', '') as keyof typeof translationEn.risks.errors;
      expect(translationEn.risks.errors[leaf], key).toBeTruthy();
      expect(translationZhTW.risks.errors[leaf], key).toMatch(/\p{Script=Han}/u);
    }
  });
});
