import { describe, expect, it } from 'vitest';
import { formatDateTime, isoToZonedLocal, zonedLocalToIso } from './time.js';

describe('zonedLocalToIso', () => {
  it('reads wall-clock time in Asia/Taipei (UTC+8, no daylight saving)', () => {
    expect(zonedLocalToIso('2025-01-01T08:00', 'Asia/Taipei')).toBe('2025-01-01T00:00:00.000Z');
  });

  it('follows daylight saving in Europe/Berlin', () => {
    expect(zonedLocalToIso('2025-01-15T12:00', 'Europe/Berlin')).toBe('2025-01-15T11:00:00.000Z');
    expect(zonedLocalToIso('2025-07-15T12:00', 'Europe/Berlin')).toBe('2025-07-15T10:00:00.000Z');
  });

  it('rejects values that are not a date and time', () => {
    expect(zonedLocalToIso('', 'UTC')).toBeNull();
    expect(zonedLocalToIso('2025-01-01', 'UTC')).toBeNull();
  });

  it('round-trips with isoToZonedLocal', () => {
    const iso = zonedLocalToIso('2025-06-01T12:05', 'America/New_York');
    expect(iso).toBe('2025-06-01T16:05:00.000Z');
    expect(isoToZonedLocal(iso ?? '', 'America/New_York')).toBe('2025-06-01T12:05');
    expect(isoToZonedLocal('2025-06-01T04:05:00Z', 'Asia/Taipei')).toBe('2025-06-01T12:05');
  });
});

describe('formatDateTime', () => {
  it('shows the instant in the given time zone', () => {
    expect(formatDateTime('2025-01-01T00:00:00Z', 'en', 'Asia/Taipei')).toContain('08:00:00');
    expect(formatDateTime('2025-01-01T00:00:00Z', 'en', 'UTC')).toContain('00:00:00');
  });

  it('returns the input when it is not a timestamp', () => {
    expect(formatDateTime('not a date', 'en', 'UTC')).toBe('not a date');
  });
});
