/** Where a rated scenario falls on the grid: its likelihood and impact values (1-based). */
export interface RatedPoint {
  likelihood: number | null;
  impact: number | null;
}

/** Key of one grid cell in a count map. */
export const cellKey = (likelihood: number, impact: number) => `${likelihood}:${impact}`;

/**
 * Counts scenarios per likelihood × impact cell. Points that are not rated, or that fall outside the
 * scale (an older methodology with a larger scale), are left out rather than clamped into a wrong cell.
 */
export function cellCounts(
  points: readonly RatedPoint[],
  likelihoodLevels: number,
  impactLevels: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { likelihood, impact } of points) {
    if (likelihood === null || impact === null) continue;
    if (!Number.isInteger(likelihood) || !Number.isInteger(impact)) continue;
    if (likelihood < 1 || impact < 1 || likelihood > likelihoodLevels || impact > impactLevels) continue;
    const key = cellKey(likelihood, impact);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Sum of all counted cells. */
export function totalCount(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

/** Relative luminance of a #rrggbb colour (WCAG 2 definition). */
export function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return 1;
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Black or white text, whichever contrasts more with the background colour. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}
