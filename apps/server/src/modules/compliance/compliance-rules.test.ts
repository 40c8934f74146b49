import { addDays, addMonths, daysBetween } from '@vigil/frameworks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceStatusOf, scoreOf } from './compliance-rules.js';

describe('assessment score', () => {
  it('counts compliant as 1, partial as 0.5 and leaves not applicable out', () => {
    expect(scoreOf(['compliant', 'partial', 'non_compliant', 'not_applicable']).score).toBe(0.5);
    expect(scoreOf(['compliant', 'compliant', 'not_assessed', 'partial']).score).toBe(0.625);
    expect(scoreOf(['not_applicable', 'not_applicable']).score).toBeNull();
    expect(scoreOf([]).counts.compliant).toBe(0);
    expect(scoreOf(['partial', 'partial']).counts.partial).toBe(2);
  });

  it('always stays between 0 and 1', () => {
    const status = fc.constantFrom(
      'compliant' as const,
      'partial' as const,
      'non_compliant' as const,
      'not_applicable' as const,
      'not_assessed' as const,
    );
    fc.assert(
      fc.property(fc.array(status), (xs) => {
        const { score } = scoreOf(xs);
        return score === null ? xs.every((x) => x === 'not_applicable') : score >= 0 && score <= 1;
      }),
    );
  });
});

describe('evidence validity', () => {
  it('flags evidence in its last 30 days and after its last day', () => {
    expect(evidenceStatusOf(null, '2026-06-01')).toBe('no_expiry');
    expect(evidenceStatusOf('2026-07-02', '2026-06-01')).toBe('valid');
    expect(evidenceStatusOf('2026-07-01', '2026-06-01')).toBe('expiring');
    expect(evidenceStatusOf('2026-06-01', '2026-06-01')).toBe('expiring');
    expect(evidenceStatusOf('2026-05-31', '2026-06-01')).toBe('expired');
  });

  it('does calendar arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(daysBetween('2026-12-20', '2027-01-19')).toBe(30);
  });
});
