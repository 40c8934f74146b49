// Methodology rules: validation of a definition, the shipped default, and rating arithmetic per type.
import {
  CVSS_LEVEL_KEYS,
  type MatrixMethodologyDefinition,
  OWASP_LEVEL_KEYS,
  type RiskLevelDefinition,
  type RiskMethodologyDefinition,
  type RiskRatingInput,
} from '@vigil/contracts';
import { badRequest } from '../../http/errors.js';
import { CvssError, cvssBaseScore } from './risk-cvss.js';
import { OWASP_BAND_VALUE, owaspRisk } from './risk-owasp.js';

/** What a rating computes to; stored as columns (level, rank, likelihood, impact, score). */
export interface RatingComputation {
  input: RiskRatingInput;
  level: RiskLevelDefinition;
  rank: number;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  likelihoodScore: number | null;
  impactScore: number | null;
  vector: string | null;
}

/** Problems with a definition, in words a person can fix; empty when it is usable. */
export function methodologyProblems(def: RiskMethodologyDefinition): string[] {
  const problems: string[] = [];
  const keys = def.levels.map((l) => l.key);
  const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (dup.length > 0) problems.push(`level keys must be unique (repeated: ${[...new Set(dup)].join(', ')})`);
  if (def.type === 'matrix') {
    for (const [name, scale] of [
      ['likelihood', def.likelihood],
      ['impact', def.impact],
    ] as const) {
      if (scale.length < 3 || scale.length > 6) problems.push(`the ${name} scale must have 3 to 6 levels`);
      scale.forEach((s, i) => {
        if (s.value !== i + 1)
          problems.push(`${name} level ${i + 1} must have value ${i + 1} (lowest first)`);
      });
    }
    if (def.matrix.length !== def.likelihood.length)
      problems.push(
        `the matrix must have one row per likelihood level (${def.likelihood.length}), found ${def.matrix.length}`,
      );
    def.matrix.forEach((row, l) => {
      if (row.length !== def.impact.length)
        problems.push(
          `matrix row ${l + 1} must have one cell per impact level (${def.impact.length}), found ${row.length}`,
        );
      row.forEach((cell, i) => {
        if (!keys.includes(cell))
          problems.push(`matrix cell likelihood ${l + 1} × impact ${i + 1} names unknown level "${cell}"`);
      });
    });
  } else {
    const fixed: readonly string[] = def.type === 'cvss' ? CVSS_LEVEL_KEYS : OWASP_LEVEL_KEYS;
    if (keys.join(',') !== fixed.join(','))
      problems.push(`${def.type} levels must be exactly ${fixed.join(', ')} in that order`);
  }
  const { ownerMaxLevel, approverMaxLevel } = def.acceptance;
  for (const [name, key] of [
    ['ownerMaxLevel', ownerMaxLevel],
    ['approverMaxLevel', approverMaxLevel],
  ] as const)
    if (key !== null && !keys.includes(key)) problems.push(`acceptance ${name} names unknown level "${key}"`);
  if (
    ownerMaxLevel !== null &&
    approverMaxLevel !== null &&
    keys.indexOf(ownerMaxLevel) > keys.indexOf(approverMaxLevel)
  )
    problems.push('the approver must be allowed to accept at least what the risk owner may accept');
  return problems;
}

/** Throws risk.methodology_invalid listing every problem. */
export function assertValidMethodology(def: RiskMethodologyDefinition): void {
  const problems = methodologyProblems(def);
  if (problems.length > 0)
    throw badRequest('risk.methodology_invalid', `the methodology is not valid: ${problems.join('; ')}`, {
      problems,
    });
}

function levelAt(def: RiskMethodologyDefinition, key: string): { level: RiskLevelDefinition; rank: number } {
  const rank = def.levels.findIndex((l) => l.key === key);
  const level = def.levels[rank];
  if (!level) throw new Error(`methodology has no level ${key}`);
  return { level, rank };
}

/** Rank (0 = lowest) of a level key, or -1 when unknown or null. */
export function rankOf(def: RiskMethodologyDefinition, key: string | null): number {
  return key === null ? -1 : def.levels.findIndex((l) => l.key === key);
}

/** Computes a rating with a methodology; wrong kind, off-scale values and bad vectors are 400s. */
export function evaluateRating(def: RiskMethodologyDefinition, input: RiskRatingInput): RatingComputation {
  if (input.kind !== def.type)
    throw badRequest(
      'risk.rating_mismatch',
      `this methodology rates with ${def.type}; a ${input.kind} rating was given`,
      { expected: def.type, given: input.kind },
    );
  const blank = { likelihoodScore: null, impactScore: null, vector: null, score: null };
  if (input.kind === 'matrix' && def.type === 'matrix') {
    const row = def.matrix[input.likelihood - 1];
    const key = row?.[input.impact - 1];
    if (input.likelihood > def.likelihood.length || input.impact > def.impact.length || key === undefined)
      throw badRequest(
        'risk.rating_invalid',
        `likelihood must be 1..${def.likelihood.length} and impact 1..${def.impact.length}`,
      );
    return { input, ...levelAt(def, key), ...blank, likelihood: input.likelihood, impact: input.impact };
  }
  if (input.kind === 'cvss') {
    try {
      const r = cvssBaseScore(input.vector);
      return {
        input,
        ...levelAt(def, r.severity),
        ...blank,
        likelihood: null,
        impact: null,
        score: r.baseScore,
        vector: r.vector,
      };
    } catch (err) {
      if (err instanceof CvssError)
        throw badRequest('risk.cvss_invalid', `the CVSS vector is not valid: ${err.message}`, {
          reason: err.message,
        });
      throw err;
    }
  }
  if (input.kind === 'owasp' && def.type === 'owasp') {
    const r = owaspRisk(input.factors, def.impactBasis);
    return {
      input,
      ...levelAt(def, r.severity),
      ...blank,
      likelihood: OWASP_BAND_VALUE[r.likelihood],
      impact: OWASP_BAND_VALUE[r.impact],
      likelihoodScore: r.likelihoodScore,
      impactScore: r.impactScore,
    };
  }
  throw new Error('unreachable');
}

const LEVEL_COLOURS = { low: '#2e7d32', medium: '#f9a825', high: '#ef6c00', very_high: '#c62828' };

/** Level for likelihood l × impact i in the default 5×5 matrix (by the product l·i). */
function defaultCell(l: number, i: number): keyof typeof LEVEL_COLOURS {
  const p = l * i;
  if (p <= 4) return 'low';
  if (p <= 9) return 'medium';
  if (p <= 15) return 'high';
  return 'very_high';
}

/** Version 1 as shipped: 5×5, 低/中/高/極高; the owner accepts Low, an admin up to Medium. */
export const DEFAULT_METHODOLOGY: MatrixMethodologyDefinition = {
  type: 'matrix',
  likelihood: [
    {
      value: 1,
      en: 'Rare',
      zh: '極低',
      descriptionEn: 'Not expected within 5 years',
      descriptionZh: '5 年內預期不會發生',
    },
    {
      value: 2,
      en: 'Unlikely',
      zh: '低',
      descriptionEn: 'Could happen once in 2–5 years',
      descriptionZh: '2 至 5 年可能發生一次',
    },
    {
      value: 3,
      en: 'Possible',
      zh: '中',
      descriptionEn: 'Could happen about once a year',
      descriptionZh: '每年可能發生約一次',
    },
    {
      value: 4,
      en: 'Likely',
      zh: '高',
      descriptionEn: 'Expected several times a year',
      descriptionZh: '每年預期發生數次',
    },
    {
      value: 5,
      en: 'Almost certain',
      zh: '極高',
      descriptionEn: 'Expected monthly or more often',
      descriptionZh: '預期每月或更頻繁發生',
    },
  ],
  impact: [
    {
      value: 1,
      en: 'Negligible',
      zh: '輕微',
      descriptionEn: 'No noticeable effect on services or data',
      descriptionZh: '對服務或資料無明顯影響',
    },
    {
      value: 2,
      en: 'Minor',
      zh: '較小',
      descriptionEn: 'Brief disruption of a non-core service; no personal data exposed',
      descriptionZh: '非核心服務短暫中斷，未洩漏個人資料',
    },
    {
      value: 3,
      en: 'Moderate',
      zh: '中等',
      descriptionEn: 'Disruption within the RTO, or limited data exposure',
      descriptionZh: '服務中斷於 RTO 內恢復，或有限度資料外洩',
    },
    {
      value: 4,
      en: 'Major',
      zh: '重大',
      descriptionEn: 'A core system down beyond its RTO, or sensitive data exposed',
      descriptionZh: '核心資通系統中斷逾 RTO，或敏感資料外洩',
    },
    {
      value: 5,
      en: 'Severe',
      zh: '嚴重',
      descriptionEn: 'Critical infrastructure or official secrets affected; legal or public consequences',
      descriptionZh: '影響關鍵基礎設施或機密資料，造成法律責任或重大社會影響',
    },
  ],
  levels: [
    { key: 'low', en: 'Low', zh: '低', color: LEVEL_COLOURS.low },
    { key: 'medium', en: 'Medium', zh: '中', color: LEVEL_COLOURS.medium },
    { key: 'high', en: 'High', zh: '高', color: LEVEL_COLOURS.high },
    { key: 'very_high', en: 'Very high', zh: '極高', color: LEVEL_COLOURS.very_high },
  ],
  matrix: [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => defaultCell(l, i))),
  acceptance: {
    ownerMaxLevel: 'low',
    approver: { kind: 'role', roleId: 'admin' },
    approverMaxLevel: 'medium',
  },
};

/** Five fixed levels with default labels and colours, for a new CVSS or OWASP draft. */
export function defaultFixedLevels(type: 'cvss' | 'owasp'): RiskLevelDefinition[] {
  const first =
    type === 'cvss'
      ? { key: 'none', en: 'None', zh: '無', color: '#9e9e9e' }
      : { key: 'note', en: 'Note', zh: '注意', color: '#9e9e9e' };
  return [
    first,
    { key: 'low', en: 'Low', zh: '低', color: '#2e7d32' },
    { key: 'medium', en: 'Medium', zh: '中', color: '#f9a825' },
    { key: 'high', en: 'High', zh: '高', color: '#ef6c00' },
    { key: 'critical', en: 'Critical', zh: '嚴重', color: '#c62828' },
  ];
}
