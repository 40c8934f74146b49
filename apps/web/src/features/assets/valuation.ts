import type { AssetType, AssetValuationSettings, ProtectionAnswers, ProtectionLevel } from '@vigil/contracts';

export interface Ratings {
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  legal: number | null;
}

/**
 * The asset value by the organisation's rule (the highest rating or their sum), as the server computes it:
 * null until confidentiality, integrity and availability are all rated; legal counts only when the
 * organisation turned it on and it has been given.
 */
export function computeAssetValue(
  ratings: Ratings,
  settings: Pick<AssetValuationSettings, 'legalRating' | 'valueRule'>,
): number | null {
  const { confidentiality, integrity, availability, legal } = ratings;
  if (confidentiality === null || integrity === null || availability === null) return null;
  const counted = [confidentiality, integrity, availability];
  if (settings.legalRating && legal !== null) counted.push(legal);
  return settings.valueRule === 'sum' ? counted.reduce((a, b) => a + b, 0) : Math.max(...counted);
}

/** The largest value the rule can give on this scale, for showing "value / max". */
export function maxAssetValue(settings: AssetValuationSettings): number {
  const count = settings.legalRating ? 4 : 3;
  return settings.valueRule === 'sum' ? settings.scaleMax * count : settings.scaleMax;
}

export const PROTECTION_DIMENSIONS = ['confidentiality', 'integrity', 'availability', 'legal'] as const;
export type ProtectionDimension = (typeof PROTECTION_DIMENSIONS)[number];
export type PartialProtectionAnswers = Partial<Record<ProtectionDimension, ProtectionLevel>>;

const RANK: Record<ProtectionLevel, number> = { normal: 0, medium: 1, high: 2 };

/**
 * The Schedule 9 system protection level: the highest of the four answers. Null until every
 * dimension is answered, because an unanswered question could still raise it.
 */
export function deriveProtectionLevel(answers: PartialProtectionAnswers | null): ProtectionLevel | null {
  if (!answers) return null;
  let level: ProtectionLevel | null = null;
  for (const dimension of PROTECTION_DIMENSIONS) {
    const answer = answers[dimension];
    if (!answer) return null;
    if (level === null || RANK[answer] > RANK[level]) level = answer;
  }
  return level;
}

/** The answers as the contract takes them: all four, or null while any is missing. */
export function completeAnswers(answers: PartialProtectionAnswers): ProtectionAnswers | null {
  const { confidentiality, integrity, availability, legal } = answers;
  if (!confidentiality || !integrity || !availability || !legal) return null;
  return { confidentiality, integrity, availability, legal };
}

/** Schedule 9 applies to information systems and cloud services. */
export function asksProtectionQuestions(type: AssetType | null): boolean {
  return type === 'information_system' || type === 'cloud_service';
}

/** Rating choices 1…scaleMax. */
export function ratingOptions(scaleMax: number): string[] {
  return Array.from({ length: Math.max(0, scaleMax) }, (_, i) => String(i + 1));
}
