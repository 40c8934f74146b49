import { describe, expect, it } from 'vitest';
import {
  asksProtectionQuestions,
  completeAnswers,
  computeAssetValue,
  deriveProtectionLevel,
  maxAssetValue,
  ratingOptions,
} from './valuation.js';

const ratings = { confidentiality: 3, integrity: 1, availability: 2, legal: 3 };

describe('asset value', () => {
  it('takes the highest rating under the max rule', () => {
    expect(
      computeAssetValue(
        { ...ratings, confidentiality: 1, legal: 3 },
        { legalRating: false, valueRule: 'max' },
      ),
    ).toBe(2);
    expect(
      computeAssetValue(
        { ...ratings, confidentiality: 1, legal: 3 },
        { legalRating: true, valueRule: 'max' },
      ),
    ).toBe(3);
  });

  it('adds the ratings under the sum rule, counting legal only when it is turned on', () => {
    expect(computeAssetValue(ratings, { legalRating: false, valueRule: 'sum' })).toBe(6);
    expect(computeAssetValue(ratings, { legalRating: true, valueRule: 'sum' })).toBe(9);
  });

  it('is empty until confidentiality, integrity and availability are all rated', () => {
    const partial = { confidentiality: 3, integrity: null, availability: 2, legal: 3 };
    expect(computeAssetValue(partial, { legalRating: true, valueRule: 'max' })).toBeNull();
    expect(
      computeAssetValue({ ...partial, integrity: 1, legal: null }, { legalRating: true, valueRule: 'sum' }),
    ).toBe(6);
  });

  it('knows the largest possible value', () => {
    const base = { scaleMax: 5, classifications: [{ key: 'public', en: 'Public', zh: '公開' }] };
    expect(maxAssetValue({ ...base, legalRating: false, valueRule: 'max' })).toBe(5);
    expect(maxAssetValue({ ...base, legalRating: true, valueRule: 'sum' })).toBe(20);
    expect(ratingOptions(3)).toEqual(['1', '2', '3']);
  });
});

describe('Schedule 9 protection level', () => {
  it('is the highest answer', () => {
    expect(
      deriveProtectionLevel({
        confidentiality: 'normal',
        integrity: 'medium',
        availability: 'normal',
        legal: 'normal',
      }),
    ).toBe('medium');
    expect(
      deriveProtectionLevel({
        confidentiality: 'normal',
        integrity: 'medium',
        availability: 'normal',
        legal: 'high',
      }),
    ).toBe('high');
    expect(
      deriveProtectionLevel({
        confidentiality: 'normal',
        integrity: 'normal',
        availability: 'normal',
        legal: 'normal',
      }),
    ).toBe('normal');
  });

  it('is unknown while any question is unanswered, even when one answer is already high', () => {
    expect(
      deriveProtectionLevel({ confidentiality: 'high', integrity: 'normal', availability: 'normal' }),
    ).toBeNull();
    expect(deriveProtectionLevel(null)).toBeNull();
    expect(completeAnswers({ confidentiality: 'high' })).toBeNull();
    expect(
      completeAnswers({
        confidentiality: 'high',
        integrity: 'normal',
        availability: 'normal',
        legal: 'medium',
      }),
    ).toEqual({ confidentiality: 'high', integrity: 'normal', availability: 'normal', legal: 'medium' });
  });

  it('is asked for information systems and cloud services only', () => {
    expect(asksProtectionQuestions('information_system')).toBe(true);
    expect(asksProtectionQuestions('cloud_service')).toBe(true);
    expect(asksProtectionQuestions('hardware')).toBe(false);
    expect(asksProtectionQuestions(null)).toBe(false);
  });
});
