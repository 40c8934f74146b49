// Pure rules: assessment scores and evidence validity.
import {
  COMPLIANCE_RESULT_STATUSES,
  type ComplianceResultStatus,
  type ComplianceScoreView,
  EVIDENCE_EXPIRING_DAYS,
  type EvidenceStatus,
} from '@vigil/contracts';
import { addDays } from '@vigil/frameworks';

const WEIGHT: Record<ComplianceResultStatus, number | null> = {
  compliant: 1,
  partial: 0.5,
  non_compliant: 0,
  not_assessed: 0,
  not_applicable: null,
};

/**
 * Score of a set of results: compliant = 1, partial = 0.5, non-compliant and not assessed = 0, not applicable
 * left out; a fraction 0..1 rounded to 4 places, or null when nothing is applicable.
 */
export function scoreOf(statuses: readonly ComplianceResultStatus[]): ComplianceScoreView {
  const counts = Object.fromEntries(COMPLIANCE_RESULT_STATUSES.map((s) => [s, 0])) as Record<
    ComplianceResultStatus,
    number
  >;
  let sum = 0;
  let n = 0;
  for (const s of statuses) {
    counts[s]++;
    const w = WEIGHT[s];
    if (w === null) continue;
    sum += w;
    n++;
  }
  return { score: n === 0 ? null : Math.round((sum / n) * 10_000) / 10_000, counts };
}

export const isGap = (s: string): s is 'partial' | 'non_compliant' =>
  s === 'partial' || s === 'non_compliant';

/** valid_until is the last valid day; within 30 days of it (org time zone) the evidence is `expiring`. */
export function evidenceStatusOf(validUntil: string | null, today: string): EvidenceStatus {
  if (!validUntil) return 'no_expiry';
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, EVIDENCE_EXPIRING_DAYS)) return 'expiring';
  return 'valid';
}
