import {
  CVSS_LEVEL_KEYS,
  OWASP_LEVEL_KEYS,
  type RiskAcceptanceCriteria,
  type RiskLevelDefinition,
  type RiskMethodologyDefinition,
  type RiskMethodologyType,
  type RiskScaleLevel,
} from '@vigil/contracts';
import { resizeMatrix } from '../rating.js';

const FIVE_LEVELS: Record<string, Omit<RiskLevelDefinition, 'key'>> = {
  none: { en: 'None', zh: '無', color: '#ced4da' },
  note: { en: 'Note', zh: '注意', color: '#ced4da' },
  low: { en: 'Low', zh: '低', color: '#8ce99a' },
  medium: { en: 'Medium', zh: '中', color: '#ffd43b' },
  high: { en: 'High', zh: '高', color: '#ff922b' },
  critical: { en: 'Critical', zh: '極高', color: '#c92a2a' },
};

function fixedLevels(
  keys: readonly string[],
  current: readonly RiskLevelDefinition[],
): RiskLevelDefinition[] {
  return keys.map((key) => {
    const kept = current.find((l) => l.key === key);
    const fallback = FIVE_LEVELS[key] ?? { en: key, zh: key, color: '#adb5bd' };
    return kept ?? { key, ...fallback };
  });
}

function keepAcceptance(criteria: RiskAcceptanceCriteria, levels: readonly RiskLevelDefinition[]) {
  const known = (key: string | null) => (key !== null && levels.some((l) => l.key === key) ? key : null);
  return {
    ...criteria,
    ownerMaxLevel: known(criteria.ownerMaxLevel),
    approverMaxLevel: known(criteria.approverMaxLevel),
  };
}

export function scaleOf(size: number, current: readonly RiskScaleLevel[]): RiskScaleLevel[] {
  return Array.from({ length: size }, (_, index) => {
    const kept = current[index];
    const value = index + 1;
    return kept
      ? { ...kept, value }
      : { value, en: `Level ${value}`, zh: `等級 ${value}`, descriptionEn: '', descriptionZh: '' };
  });
}

/** The definition converted to another scoring type, keeping whatever still applies (labels, criteria). */
export function switchType(
  definition: RiskMethodologyDefinition,
  type: RiskMethodologyType,
): RiskMethodologyDefinition {
  if (definition.type === type) return definition;
  if (type === 'cvss') {
    const levels = fixedLevels(CVSS_LEVEL_KEYS, definition.levels);
    return { type, levels, acceptance: keepAcceptance(definition.acceptance, levels) };
  }
  if (type === 'owasp') {
    const levels = fixedLevels(OWASP_LEVEL_KEYS, definition.levels);
    return { type, impactBasis: 'higher', levels, acceptance: keepAcceptance(definition.acceptance, levels) };
  }
  const levels = definition.levels.slice(0, 8);
  const likelihood = scaleOf(5, []);
  const impact = scaleOf(5, []);
  const lowest = levels[0]?.key ?? 'low';
  return {
    type,
    likelihood,
    impact,
    levels,
    matrix: resizeMatrix([], 5, 5, lowest),
    acceptance: keepAcceptance(definition.acceptance, levels),
  };
}
