import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timestamptzToIso } from './connection.js';

describe('PostgreSQL timestamp text to ISO 8601', () => {
  it('reshapes UTC text exactly as a Date round trip would', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        (d, micro) => {
          const iso = d.toISOString();
          const pgText = `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(micro).padStart(3, '0')}+00`;
          expect(timestamptzToIso(pgText)).toBe(iso);
        },
      ),
    );
  });

  it('handles whole seconds, short fractions and other offsets', () => {
    expect(timestamptzToIso('2026-01-02 03:04:05+00')).toBe('2026-01-02T03:04:05.000Z');
    expect(timestamptzToIso('2026-01-02 03:04:05.5+00')).toBe('2026-01-02T03:04:05.500Z');
    expect(timestamptzToIso('2026-01-02 11:04:05+08')).toBe('2026-01-02T03:04:05.000Z');
  });
});
