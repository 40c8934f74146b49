import { describe, expect, it } from 'vitest';
import { cvssBaseScore, roundUp } from './risk-cvss.js';
import { DEFAULT_METHODOLOGY, evaluateRating, methodologyProblems } from './risk-methodology.js';
import { owaspRisk } from './risk-owasp.js';

describe('CVSS v3.1 base score', () => {
  it.each([
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0, 'critical'],
    ['AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 5.5, 'medium'],
    ['AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1, 'low'],
    ['AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8, 'high'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
    ['AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6, 'low'],
  ])('%s → %s', (vector, score, severity) => {
    const r = cvssBaseScore(vector);
    expect(r.baseScore).toBe(score);
    expect(r.severity).toBe(severity);
    expect(r.vector.startsWith('CVSS:3.1/AV:')).toBe(true);
  });

  it('rounds up to one decimal, exactly', () => {
    expect(roundUp(4.0)).toBe(4.0);
    expect(roundUp(4.02)).toBe(4.1);
    expect(roundUp(4.000000001)).toBe(4.0);
    expect(roundUp(9.71)).toBe(9.8);
  });

  it.each([
    ['', 'empty'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'missing base metric(s): A'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X', 'A:X is not allowed'],
    ['AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'appears twice'],
    ['CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'not supported'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F', 'unknown or non-base metric E'],
    ['AV=N', 'not a metric:value pair'],
  ])('rejects %j with a reason', (vector, reason) => {
    expect(() => cvssBaseScore(vector)).toThrow(reason);
  });
});

describe('OWASP risk rating', () => {
  const f = (l: number, t: number, b: number) => ({
    skillLevel: l,
    motive: l,
    opportunity: l,
    size: l,
    easeOfDiscovery: l,
    easeOfExploit: l,
    awareness: l,
    intrusionDetection: l,
    lossOfConfidentiality: t,
    lossOfIntegrity: t,
    lossOfAvailability: t,
    lossOfAccountability: t,
    financialDamage: b,
    reputationDamage: b,
    nonCompliance: b,
    privacyViolation: b,
  });
  it.each([
    [f(1, 1, 1), 'note'],
    [f(4, 1, 1), 'low'],
    [f(7, 1, 1), 'medium'],
    [f(1, 4, 0), 'low'],
    [f(4, 4, 4), 'medium'],
    [f(7, 4, 4), 'high'],
    [f(1, 7, 7), 'medium'],
    [f(4, 7, 0), 'high'],
    [f(7, 9, 9), 'critical'],
  ])('severity table %#', (factors, severity) => {
    expect(owaspRisk(factors).severity).toBe(severity);
  });
  it('averages factors and picks the impact basis', () => {
    const factors = { ...f(5, 2, 8), skillLevel: 9, motive: 1 };
    const r = owaspRisk(factors, 'technical');
    expect(r.likelihoodScore).toBe(5);
    expect(r.technicalImpactScore).toBe(2);
    expect(r.impact).toBe('LOW');
    expect(owaspRisk(factors, 'business').impact).toBe('HIGH');
    expect(owaspRisk(factors, 'higher').impactScore).toBe(8);
    expect(owaspRisk(f(3, 3, 3)).likelihood).toBe('MEDIUM');
    expect(owaspRisk(f(6, 3, 3)).likelihood).toBe('HIGH');
  });
});

describe('methodology validation', () => {
  it('accepts the shipped default and rates on it', () => {
    expect(methodologyProblems(DEFAULT_METHODOLOGY)).toEqual([]);
    expect(evaluateRating(DEFAULT_METHODOLOGY, { kind: 'matrix', likelihood: 5, impact: 5 }).level.key).toBe(
      'very_high',
    );
    expect(evaluateRating(DEFAULT_METHODOLOGY, { kind: 'matrix', likelihood: 1, impact: 2 }).level.key).toBe(
      'low',
    );
  });
  it('names every problem', () => {
    const bad = {
      ...DEFAULT_METHODOLOGY,
      matrix: [...DEFAULT_METHODOLOGY.matrix.slice(0, 4), ['low', 'low', 'nope', 'low']],
      acceptance: { ...DEFAULT_METHODOLOGY.acceptance, ownerMaxLevel: 'high', approverMaxLevel: 'medium' },
    };
    const problems = methodologyProblems(bad);
    expect(problems.join('\n')).toContain('unknown level "nope"');
    expect(problems.join('\n')).toContain('row 5 must have one cell per impact level');
    expect(problems.join('\n')).toContain('the approver must be allowed');
  });
  it('refuses an off-scale or wrong-kind rating', () => {
    expect(() => evaluateRating(DEFAULT_METHODOLOGY, { kind: 'matrix', likelihood: 6, impact: 1 })).toThrow(
      /1..5/,
    );
    expect(() => evaluateRating(DEFAULT_METHODOLOGY, { kind: 'cvss', vector: 'AV:N' })).toThrow(
      /rates with matrix/,
    );
  });
});
