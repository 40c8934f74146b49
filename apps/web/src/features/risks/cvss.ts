/** CVSS v3.1 base metrics, in vector order, with their allowed values. */
export const CVSS_METRICS = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
} as const;

export type CvssMetric = keyof typeof CVSS_METRICS;
export type CvssVector = { [M in CvssMetric]: (typeof CVSS_METRICS)[M][number] };

export const CVSS_METRIC_ORDER = Object.keys(CVSS_METRICS) as CvssMetric[];
const PREFIX = 'CVSS:3.1';

/** The vector string for a set of base metrics, e.g. `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`. */
export function cvssVectorString(vector: CvssVector): string {
  return [PREFIX, ...CVSS_METRIC_ORDER.map((m) => `${m}:${vector[m]}`)].join('/');
}

function isValue<M extends CvssMetric>(metric: M, value: string): value is CvssVector[M] {
  return (CVSS_METRICS[metric] as readonly string[]).includes(value);
}

/** Reads a CVSS 3.0/3.1 base vector; null when a metric is missing, repeated or unknown. */
export function parseCvssVector(text: string): CvssVector | null {
  const parts = text.trim().split('/');
  if (parts[0] !== 'CVSS:3.1' && parts[0] !== 'CVSS:3.0') return null;
  const seen = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const [metric, value, extra] = part.split(':');
    if (!metric || value === undefined || extra !== undefined || seen.has(metric)) return null;
    seen.set(metric, value);
  }
  const vector: Partial<Record<CvssMetric, string>> = {};
  for (const metric of CVSS_METRIC_ORDER) {
    const value = seen.get(metric);
    if (value === undefined || !isValue(metric, value)) return null;
    vector[metric] = value;
    seen.delete(metric);
  }
  // Temporal/environmental metrics are not part of the base score; anything else is a typo.
  if (seen.size > 0) return null;
  return vector as CvssVector;
}

const AV = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } as const;
const AC = { L: 0.77, H: 0.44 } as const;
const UI = { N: 0.85, R: 0.62 } as const;
const CIA = { H: 0.56, L: 0.22, N: 0 } as const;

function privileges(pr: CvssVector['PR'], scopeChanged: boolean): number {
  if (pr === 'N') return 0.85;
  if (pr === 'L') return scopeChanged ? 0.68 : 0.62;
  return scopeChanged ? 0.5 : 0.27;
}

/** CVSS 3.1 "Roundup": the smallest one-decimal number ≥ x, computed without floating-point drift. */
export function roundUp(x: number): number {
  const scaled = Math.round(x * 100_000);
  if (scaled % 10_000 === 0) return scaled / 100_000;
  return (Math.floor(scaled / 10_000) + 1) / 10;
}

/** The CVSS 3.1 base score (0.0–10.0). */
export function cvssBaseScore(v: CvssVector): number {
  const changed = v.S === 'C';
  const iss = 1 - (1 - CIA[v.C]) * (1 - CIA[v.I]) * (1 - CIA[v.A]);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * AV[v.AV] * AC[v.AC] * privileges(v.PR, changed) * UI[v.UI];
  if (impact <= 0) return 0;
  return changed
    ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
    : roundUp(Math.min(impact + exploitability, 10));
}

/** The qualitative severity band of a CVSS score. */
export function cvssSeverity(score: number): 'none' | 'low' | 'medium' | 'high' | 'critical' {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

export const DEFAULT_CVSS_VECTOR: CvssVector = {
  AV: 'N',
  AC: 'L',
  PR: 'N',
  UI: 'N',
  S: 'U',
  C: 'N',
  I: 'N',
  A: 'N',
};
