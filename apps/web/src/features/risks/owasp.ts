import {
  OWASP_BUSINESS_IMPACT_FACTORS,
  OWASP_LIKELIHOOD_FACTORS,
  OWASP_TECHNICAL_IMPACT_FACTORS,
  type OwaspFactors,
} from '@vigil/contracts';

export type OwaspBand = 1 | 2 | 3;
export type OwaspSeverity = 'note' | 'low' | 'medium' | 'high' | 'critical';
export type OwaspImpactBasis = 'technical' | 'business' | 'higher';

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** OWASP's bands: below 3 LOW (1), below 6 MEDIUM (2), else HIGH (3). */
export function owaspBand(score: number): OwaspBand {
  if (score < 3) return 1;
  if (score < 6) return 2;
  return 3;
}

/** The overall severity table, [impact band][likelihood band]. */
const SEVERITY: Record<OwaspBand, Record<OwaspBand, OwaspSeverity>> = {
  3: { 1: 'medium', 2: 'high', 3: 'critical' },
  2: { 1: 'low', 2: 'medium', 3: 'high' },
  1: { 1: 'note', 2: 'low', 3: 'medium' },
};

/** Likelihood and impact averages, their bands and the overall severity (the methodology's level key). */
export function owaspRating(factors: OwaspFactors, basis: OwaspImpactBasis) {
  const likelihoodScore = average(OWASP_LIKELIHOOD_FACTORS.map((f) => factors[f]));
  const technical = average(OWASP_TECHNICAL_IMPACT_FACTORS.map((f) => factors[f]));
  const business = average(OWASP_BUSINESS_IMPACT_FACTORS.map((f) => factors[f]));
  const impactScore =
    basis === 'technical' ? technical : basis === 'business' ? business : Math.max(technical, business);
  const likelihood = owaspBand(likelihoodScore);
  const impact = owaspBand(impactScore);
  return { likelihoodScore, impactScore, likelihood, impact, severity: SEVERITY[impact][likelihood] };
}

export const DEFAULT_OWASP_FACTORS: OwaspFactors = {
  skillLevel: 0,
  motive: 0,
  opportunity: 0,
  size: 0,
  easeOfDiscovery: 0,
  easeOfExploit: 0,
  awareness: 0,
  intrusionDetection: 0,
  lossOfConfidentiality: 0,
  lossOfIntegrity: 0,
  lossOfAvailability: 0,
  lossOfAccountability: 0,
  financialDamage: 0,
  reputationDamage: 0,
  nonCompliance: 0,
  privacyViolation: 0,
};
