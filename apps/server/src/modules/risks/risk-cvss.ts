// CVSS v3.1 base-score arithmetic (FIRST specification, section 7.1 and Appendix A).

export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';

export interface CvssResult {
  /** Normalised vector with the CVSS:3.1 prefix and the metrics in specification order. */
  vector: string;
  baseScore: number;
  impactSubscore: number;
  exploitabilitySubscore: number;
  severity: CvssSeverity;
}

export class CvssError extends Error {}

const ORDER = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
type Metric = (typeof ORDER)[number];

const ALLOWED: Record<Metric, readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
};

const AV: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Record<string, number> = { L: 0.77, H: 0.44 };
const UI: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };
function privileges(value: string, scopeChanged: boolean): number {
  if (value === 'N') return 0.85;
  if (value === 'L') return scopeChanged ? 0.68 : 0.62;
  return scopeChanged ? 0.5 : 0.27;
}

/**
 * The specification's Roundup: the smallest number with one decimal that is ≥ the input, computed on
 * integers so that e.g. 4.000000001 does not become 4.1 through floating-point noise.
 */
export function roundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  if (scaled % 10_000 === 0) return scaled / 100_000;
  return (Math.floor(scaled / 10_000) + 1) / 10;
}

export function cvssSeverity(score: number): CvssSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** Parses a base vector (with or without the CVSS:3.x/ prefix); throws CvssError saying what is wrong. */
export function parseCvssVector(raw: string): Record<Metric, string> {
  let text = raw.trim();
  if (text.length === 0) throw new CvssError('the vector is empty');
  if (text.length > 200) throw new CvssError('the vector is too long');
  const prefix = /^CVSS:(\d+\.\d+)\//.exec(text);
  if (prefix) {
    if (prefix[1] !== '3.1' && prefix[1] !== '3.0')
      throw new CvssError(`CVSS version ${prefix[1]} is not supported (3.0 or 3.1 only)`);
    text = text.slice(prefix[0].length);
  }
  const seen: Partial<Record<Metric, string>> = {};
  for (const part of text.split('/')) {
    const match = /^([A-Z]+):([A-Z])$/.exec(part);
    if (!match) throw new CvssError(`"${part}" is not a metric:value pair`);
    const [, name, value] = match as unknown as [string, string, string];
    if (!(ORDER as readonly string[]).includes(name))
      throw new CvssError(`unknown or non-base metric ${name}`);
    const metric = name as Metric;
    if (seen[metric] !== undefined) throw new CvssError(`metric ${metric} appears twice`);
    if (!ALLOWED[metric].includes(value))
      throw new CvssError(
        `${metric}:${value} is not allowed (${metric} takes ${ALLOWED[metric].join(', ')})`,
      );
    seen[metric] = value;
  }
  const missing = ORDER.filter((m) => seen[m] === undefined);
  if (missing.length > 0) throw new CvssError(`missing base metric(s): ${missing.join(', ')}`);
  return seen as Record<Metric, string>;
}

/** Base score, subscores and severity of a CVSS v3.1 base vector. */
export function cvssBaseScore(raw: string): CvssResult {
  const m = parseCvssVector(raw);
  const scopeChanged = m.S === 'C';
  const iss = 1 - (1 - (CIA[m.C] ?? 0)) * (1 - (CIA[m.I] ?? 0)) * (1 - (CIA[m.A] ?? 0));
  const impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability =
    8.22 * (AV[m.AV] ?? 0) * (AC[m.AC] ?? 0) * privileges(m.PR, scopeChanged) * (UI[m.UI] ?? 0);
  let base = 0;
  if (impact > 0)
    base = scopeChanged
      ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
      : roundUp(Math.min(impact + exploitability, 10));
  return {
    vector: `CVSS:3.1/${ORDER.map((k) => `${k}:${m[k]}`).join('/')}`,
    baseScore: base,
    impactSubscore: Math.round(Math.max(impact, 0) * 10) / 10,
    exploitabilitySubscore: Math.round(exploitability * 10) / 10,
    severity: cvssSeverity(base),
  };
}
