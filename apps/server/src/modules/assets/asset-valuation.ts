import type { AssetType, AssetValuationSettings, ProtectionAnswers, ProtectionLevel } from '@vigil/contracts';

const LEVEL_ORDER: Record<ProtectionLevel, number> = { normal: 0, medium: 1, high: 2 };

/** Schedule 9 classifies information systems; a cloud service the organisation runs a system on counts too. */
export const PROTECTION_TYPES: readonly AssetType[] = ['information_system', 'cloud_service'];

/** The system's protection level is the highest of its Schedule 9 answers. */
export function protectionLevelOf(answers: ProtectionAnswers | null): ProtectionLevel | null {
  if (!answers) return null;
  let best: ProtectionLevel = 'normal';
  for (const level of Object.values(answers)) if (LEVEL_ORDER[level] > LEVEL_ORDER[best]) best = level;
  return best;
}

export interface Ratings {
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  legal: number | null;
}

/**
 * Asset value by the organisation's rule: null until confidentiality, integrity and availability are all
 * rated; the legal rating counts only when the organisation turned it on (and it has been given).
 */
export function assetValue(r: Ratings, settings: AssetValuationSettings): number | null {
  if (r.confidentiality === null || r.integrity === null || r.availability === null) return null;
  const ratings = [r.confidentiality, r.integrity, r.availability];
  if (settings.legalRating && r.legal !== null) ratings.push(r.legal);
  return settings.valueRule === 'max' ? Math.max(...ratings) : ratings.reduce((a, b) => a + b, 0);
}

/** Generated codes: a prefix per asset type and a running number (HW-0001). */
export const CODE_PREFIX: Record<AssetType, string> = {
  information: 'DAT',
  software: 'SW',
  hardware: 'HW',
  information_system: 'SYS',
  service: 'SVC',
  network_device: 'NET',
  cloud_service: 'CLD',
  mobile_device: 'MOB',
  iot_device: 'IOT',
  people: 'PPL',
  site: 'SITE',
};

export const formatCode = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(4, '0')}`;
