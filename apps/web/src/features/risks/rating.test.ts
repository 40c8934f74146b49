import type { RiskMethodologyDefinition } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OWASP_FACTORS } from './owasp.js';
import { matrixLevelKey, previewRating, resizeMatrix } from './rating.js';

const levels = [
  { key: 'low', en: 'Low', zh: '低', color: '#2f9e44' },
  { key: 'medium', en: 'Medium', zh: '中', color: '#f59f00' },
  { key: 'high', en: 'High', zh: '高', color: '#e03131' },
];
const scale = [1, 2, 3].map((value) => ({
  value,
  en: `L${value}`,
  zh: `等級${value}`,
  descriptionEn: '',
  descriptionZh: '',
}));
const matrix: RiskMethodologyDefinition = {
  type: 'matrix',
  likelihood: scale,
  impact: scale,
  levels,
  // Rows are likelihood 1..3, columns impact 1..3.
  matrix: [
    ['low', 'low', 'medium'],
    ['low', 'medium', 'high'],
    ['medium', 'high', 'high'],
  ],
  acceptance: {
    ownerMaxLevel: 'low',
    approver: { kind: 'role', roleId: 'admin' },
    approverMaxLevel: 'medium',
  },
};

describe('matrix → level lookup', () => {
  it('reads row = likelihood, column = impact', () => {
    if (matrix.type !== 'matrix') throw new Error('fixture');
    expect(matrixLevelKey(matrix, 1, 3)).toBe('medium');
    expect(matrixLevelKey(matrix, 3, 1)).toBe('medium');
    expect(matrixLevelKey(matrix, 2, 3)).toBe('high');
    expect(matrixLevelKey(matrix, 4, 1)).toBeNull();
    expect(matrixLevelKey(matrix, 0, 1)).toBeNull();
  });

  it('previews the level of a matrix rating, and nothing for another kind of rating', () => {
    expect(previewRating(matrix, { kind: 'matrix', likelihood: 3, impact: 3 })?.level?.en).toBe('High');
    expect(previewRating(matrix, { kind: 'cvss', vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' })).toBeNull();
  });

  it('keeps the chosen cells when the grid grows and fills the new ones', () => {
    if (matrix.type !== 'matrix') throw new Error('fixture');
    const bigger = resizeMatrix(matrix.matrix, 4, 3, 'low');
    expect(bigger).toHaveLength(4);
    expect(bigger[2]).toEqual(['medium', 'high', 'high']);
    expect(bigger[3]).toEqual(['low', 'low', 'low']);
    expect(resizeMatrix(matrix.matrix, 3, 2, 'low')[2]).toEqual(['medium', 'high']);
  });
});

describe('CVSS and OWASP previews', () => {
  const fiveLevels = (keys: readonly string[]) =>
    keys.map((key) => ({ key, en: key, zh: key, color: '#868e96' }));
  const acceptance = matrix.acceptance;

  it('maps a CVSS base score to its severity level, with or without the prefix', () => {
    const cvss: RiskMethodologyDefinition = {
      type: 'cvss',
      levels: fiveLevels(['none', 'low', 'medium', 'high', 'critical']),
      acceptance,
    };
    const preview = previewRating(cvss, { kind: 'cvss', vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' });
    expect(preview?.score).toBe(9.8);
    expect(preview?.level?.key).toBe('critical');
    expect(previewRating(cvss, { kind: 'cvss', vector: 'CVSS:3.1/AV:N' })).toBeNull();
  });

  it('rates OWASP factors by the severity table', () => {
    const owasp: RiskMethodologyDefinition = {
      type: 'owasp',
      impactBasis: 'higher',
      levels: fiveLevels(['note', 'low', 'medium', 'high', 'critical']),
      acceptance,
    };
    const rate = (likelihood: number, impact: number) =>
      previewRating(owasp, {
        kind: 'owasp',
        factors: {
          ...DEFAULT_OWASP_FACTORS,
          skillLevel: likelihood,
          motive: likelihood,
          opportunity: likelihood,
          size: likelihood,
          easeOfDiscovery: likelihood,
          easeOfExploit: likelihood,
          awareness: likelihood,
          intrusionDetection: likelihood,
          financialDamage: impact,
          reputationDamage: impact,
          nonCompliance: impact,
          privacyViolation: impact,
        },
      })?.level?.key;
    expect(rate(0, 0)).toBe('note');
    expect(rate(7, 0)).toBe('medium');
    expect(rate(4, 4)).toBe('medium');
    expect(rate(0, 9)).toBe('medium');
    expect(rate(4, 9)).toBe('high');
    expect(rate(9, 9)).toBe('critical');
  });
});
