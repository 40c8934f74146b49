import type {
  MatrixMethodologyDefinition,
  RiskLevelDefinition,
  RiskMethodologyDefinition,
  RiskRatingInput,
} from '@vigil/contracts';
import { cvssBaseScore, cvssSeverity, parseCvssVector } from './cvss.js';
import { owaspRating } from './owasp.js';

/** The level key a matrix assigns to likelihood l and impact i (both 1-based); null off the grid. */
export function matrixLevelKey(definition: MatrixMethodologyDefinition, l: number, i: number): string | null {
  return definition.matrix[l - 1]?.[i - 1] ?? null;
}

export function levelByKey(
  definition: RiskMethodologyDefinition,
  key: string | null,
): RiskLevelDefinition | null {
  if (key === null) return null;
  return definition.levels.find((level) => level.key === key) ?? null;
}

export interface RatingPreview {
  level: RiskLevelDefinition | null;
  /** CVSS base score, or the OWASP likelihood/impact averages. */
  score: number | null;
  likelihoodScore: number | null;
  impactScore: number | null;
}

/**
 * The level a rating would get under a methodology, computed in the browser so the form can show it as the
 * person types; the server computes the stored one. null when the input does not fit the methodology.
 */
export function previewRating(
  definition: RiskMethodologyDefinition,
  input: RiskRatingInput,
): RatingPreview | null {
  const empty = { score: null, likelihoodScore: null, impactScore: null };
  if (definition.type === 'matrix' && input.kind === 'matrix') {
    const key = matrixLevelKey(definition, input.likelihood, input.impact);
    return key === null ? null : { ...empty, level: levelByKey(definition, key) };
  }
  if (definition.type === 'cvss' && input.kind === 'cvss') {
    const vector = parseCvssVector(
      input.vector.startsWith('CVSS:') ? input.vector : `CVSS:3.1/${input.vector}`,
    );
    if (!vector) return null;
    const score = cvssBaseScore(vector);
    return { ...empty, score, level: levelByKey(definition, cvssSeverity(score)) };
  }
  if (definition.type === 'owasp' && input.kind === 'owasp') {
    const r = owaspRating(input.factors, definition.impactBasis);
    return {
      level: levelByKey(definition, r.severity),
      score: null,
      likelihoodScore: r.likelihoodScore,
      impactScore: r.impactScore,
    };
  }
  return null;
}

/** The matrix resized to rows × columns: chosen cells are kept, new cells get `fill`. */
export function resizeMatrix(
  matrix: readonly (readonly string[])[],
  rows: number,
  columns: number,
  fill: string,
) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => matrix[r]?.[c] ?? fill),
  );
}
