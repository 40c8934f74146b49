import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CVSS_METRIC_ORDER,
  CVSS_METRICS,
  type CvssVector,
  cvssBaseScore,
  cvssSeverity,
  cvssVectorString,
  parseCvssVector,
  roundUp,
} from './cvss.js';

const vector = (text: string) => {
  const parsed = parseCvssVector(text);
  if (!parsed) throw new Error(`not a vector: ${text}`);
  return parsed;
};

describe('CVSS vector builder', () => {
  it('writes the metrics in the specification order', () => {
    const v: CvssVector = { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' };
    expect(cvssVectorString(v)).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
  });

  it('reads back what it writes, for every combination', () => {
    const metric = (m: keyof typeof CVSS_METRICS) => fc.constantFrom(...CVSS_METRICS[m]);
    const arbitrary = fc.record(
      Object.fromEntries(CVSS_METRIC_ORDER.map((m) => [m, metric(m)])) as {
        [M in keyof typeof CVSS_METRICS]: fc.Arbitrary<CvssVector[M]>;
      },
    );
    fc.assert(
      fc.property(arbitrary, (v) => {
        expect(parseCvssVector(cvssVectorString(v))).toEqual(v);
      }),
    );
  });

  it.each([
    ['missing metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'],
    ['unknown value', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['repeated metric', 'CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['unknown metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1'],
    ['no prefix', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['version 2', 'CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['empty', ''],
  ])('refuses a vector with %s', (_why, text) => {
    expect(parseCvssVector(text)).toBeNull();
  });

  it('answers null, never throws, on garbage', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const parsed = parseCvssVector(s);
        expect(parsed === null || cvssVectorString(parsed).length > 0).toBe(true);
      }),
    );
  });
});

describe('CVSS 3.1 base score', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10, 'critical'],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'high'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9, 'medium'],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6, 'low'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
  ])('%s scores %s (%s)', (text, score, severity) => {
    expect(cvssBaseScore(vector(text))).toBe(score);
    expect(cvssSeverity(score)).toBe(severity);
  });

  it('rounds up to one decimal without floating-point drift', () => {
    expect(roundUp(4.02)).toBe(4.1);
    expect(roundUp(4.0)).toBe(4);
    expect(roundUp(4.000001)).toBe(4);
  });
});
