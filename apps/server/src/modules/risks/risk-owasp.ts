// OWASP Risk Rating Methodology: factor averages → LOW / MEDIUM / HIGH → overall severity.
import {
  OWASP_BUSINESS_IMPACT_FACTORS,
  OWASP_LIKELIHOOD_FACTORS,
  OWASP_TECHNICAL_IMPACT_FACTORS,
  type OwaspFactors,
} from '@vigil/contracts';

export type OwaspBand = 'LOW' | 'MEDIUM' | 'HIGH';
export type OwaspSeverity = 'note' | 'low' | 'medium' | 'high' | 'critical';
export type OwaspImpactBasis = 'technical' | 'business' | 'higher';

export interface OwaspResult {
  likelihoodScore: number;
  technicalImpactScore: number;
  businessImpactScore: number;
  impactScore: number;
  likelihood: OwaspBand;
  impact: OwaspBand;
  severity: OwaspSeverity;
}

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** 0 to <3 LOW, 3 to <6 MEDIUM, 6 to 9 HIGH. */
export function owaspBand(score: number): OwaspBand {
  if (score < 3) return 'LOW';
  if (score < 6) return 'MEDIUM';
  return 'HIGH';
}

/** The overall severity table, indexed [impact][likelihood]. */
export const OWASP_SEVERITY: Record<OwaspBand, Record<OwaspBand, OwaspSeverity>> = {
  HIGH: { LOW: 'medium', MEDIUM: 'high', HIGH: 'critical' },
  MEDIUM: { LOW: 'low', MEDIUM: 'medium', HIGH: 'high' },
  LOW: { LOW: 'note', MEDIUM: 'low', HIGH: 'medium' },
};

export const OWASP_BAND_VALUE: Record<OwaspBand, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/** Rates a finding from its 16 factors (each 0..9). */
export function owaspRisk(factors: OwaspFactors, basis: OwaspImpactBasis = 'higher'): OwaspResult {
  for (const [name, value] of Object.entries(factors))
    if (!Number.isInteger(value) || value < 0 || value > 9)
      throw new RangeError(`OWASP factor ${name} must be an integer 0..9`);
  const likelihoodScore = average(OWASP_LIKELIHOOD_FACTORS.map((f) => factors[f]));
  const technical = average(OWASP_TECHNICAL_IMPACT_FACTORS.map((f) => factors[f]));
  const business = average(OWASP_BUSINESS_IMPACT_FACTORS.map((f) => factors[f]));
  const impactScore =
    basis === 'technical' ? technical : basis === 'business' ? business : Math.max(technical, business);
  const likelihood = owaspBand(likelihoodScore);
  const impact = owaspBand(impactScore);
  return {
    likelihoodScore: round3(likelihoodScore),
    technicalImpactScore: round3(technical),
    businessImpactScore: round3(business),
    impactScore: round3(impactScore),
    likelihood,
    impact,
    severity: OWASP_SEVERITY[impact][likelihood],
  };
}
