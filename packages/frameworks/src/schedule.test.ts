import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  cachedZoneCount,
  daysBetween,
  dueInstant,
  isCalendarDate,
  localDate,
  type OccurrenceOptions,
  occurrences,
  scheduledDates,
} from './schedule.js';
import type { Schedule } from './types.js';

const TPE = 'Asia/Taipei';
const dates = (s: Schedule, o: Partial<OccurrenceOptions> & { anchor: string }) =>
  occurrences(s, { from: o.anchor, to: '2030-12-31', timeZone: TPE, ...o }).map((x) => x.dueOn);

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2026-07-01', 24, '2028-07-01'],
  ])('%s + %i months = %s', (from, n, want) => {
    expect(addMonths(from, n)).toBe(want);
  });

  it('reads an instant as the local date of the zone', () => {
    // 17:00 UTC on New Year's Eve is already 01:00 on 1 January in Taipei.
    expect(localDate('2026-12-31T17:00:00Z', TPE)).toBe('2027-01-01');
    expect(localDate('2026-12-31T17:00:00Z', 'UTC')).toBe('2026-12-31');
    expect(localDate('2026-12-31T15:59:59Z', TPE)).toBe('2026-12-31');
  });

  it('ends a due date at 23:59:59 local time', () => {
    expect(dueInstant('2027-01-05', TPE)).toBe('2027-01-05T15:59:59.000Z');
    expect(dueInstant('2027-01-05', 'UTC')).toBe('2027-01-05T23:59:59.000Z');
    // A zone with summer time: New York is UTC−4 in July and UTC−5 in January.
    expect(dueInstant('2027-07-01', 'America/New_York')).toBe('2027-07-02T03:59:59.000Z');
    expect(dueInstant('2027-01-01', 'America/New_York')).toBe('2027-01-02T04:59:59.000Z');
  });

  it('keeps answering right across many zones while caching a bounded number of them', () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 150);
    for (const zone of zones) localDate('2027-01-05T00:00:00Z', zone);
    expect(cachedZoneCount()).toBeLessThanOrEqual(64);
    // The zones in use are still answered correctly after many others came and went.
    expect(dueInstant('2027-01-05', TPE)).toBe('2027-01-05T15:59:59.000Z');
    expect(dueInstant('2027-07-01', 'America/New_York')).toBe('2027-07-02T03:59:59.000Z');
    expect(localDate('2026-12-31T17:00:00Z', TPE)).toBe('2027-01-01');
    expect(() => localDate('2027-01-05T00:00:00Z', 'Not/A_Zone')).toThrow(RangeError);
    expect(() => dueInstant('2027-01-05', 'Not/A_Zone')).toThrow(RangeError);
  });

  it('knows real dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
  });
});

describe('occurrences by kind', () => {
  it('every N months from the anchor, clamped at month ends without drifting', () => {
    expect(dates({ kind: 'every', months: 1 }, { anchor: '2026-01-31', to: '2026-05-31' })).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    expect(dates({ kind: 'every', months: 6 }, { anchor: '2026-08-31', to: '2028-03-01' })).toEqual([
      '2027-02-28',
      '2027-08-31',
      '2028-02-29',
    ]);
    expect(dates({ kind: 'every', months: 24 }, { anchor: '2026-03-01', to: '2031-01-01' })).toEqual([
      '2028-03-01',
      '2030-03-01',
    ]);
  });

  it('every N months on a set month: the first month-end after the anchor', () => {
    expect(
      dates({ kind: 'every', months: 12, monthOfYear: 11 }, { anchor: '2026-12-10', to: '2029-01-01' }),
    ).toEqual(['2027-11-30', '2028-11-30']);
    expect(
      dates({ kind: 'every', months: 6, monthOfYear: 2 }, { anchor: '2027-01-15', to: '2028-03-01' }),
    ).toEqual(['2027-02-28', '2027-08-31', '2028-02-29']);
  });

  it('monthly by the 5th, across the year boundary', () => {
    expect(dates({ kind: 'monthly', day: 5 }, { anchor: '2026-11-20', to: '2027-02-10' })).toEqual([
      '2026-12-05',
      '2027-01-05',
      '2027-02-05',
    ]);
    // Anchored on or after the 5th: the first report is next month's.
    expect(dates({ kind: 'monthly', day: 5 }, { anchor: '2026-12-05', to: '2027-01-31' })).toEqual([
      '2027-01-05',
    ]);
    expect(dates({ kind: 'monthly', day: 31 }, { anchor: '2027-01-31', to: '2027-04-30' })).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
  });

  it('within N months once, or then every M months', () => {
    expect(dates({ kind: 'within', months: 12 }, { anchor: '2026-03-15' })).toEqual(['2027-03-15']);
    expect(
      dates({ kind: 'within', months: 12, thenEvery: 12 }, { anchor: '2026-03-15', to: '2029-12-31' }),
    ).toEqual(['2027-03-15', '2028-03-15', '2029-03-15']);
    const seqs = occurrences(
      { kind: 'within', months: 12, thenEvery: 12 },
      { anchor: '2026-03-15', from: '2028-01-01', to: '2029-12-31', timeZone: TPE },
    ).map((o) => o.seq);
    expect(seqs).toEqual([2, 3]);
  });

  it('hours per period carry the quota and audience', () => {
    const o = occurrences(
      { kind: 'hours', hours: 12, audience: 'security_staff' },
      { anchor: '2026-07-01', from: '2026-07-01', to: '2028-07-01', timeZone: TPE },
    );
    expect(o.map((x) => [x.dueOn, x.hours, x.audience])).toEqual([
      ['2027-07-01', 12, 'security_staff'],
      ['2028-07-01', 12, 'security_staff'],
    ]);
    expect(
      dates({ kind: 'hours', hours: 3, months: 24, audience: 'it_staff' }, { anchor: '2026-07-01' }),
    ).toEqual(['2028-07-01', '2030-07-01']);
  });
});

describe('windows in Asia/Taipei and UTC', () => {
  const soc: Schedule = { kind: 'monthly', day: 1 };
  it('an instant window is read in the zone: New Year in Taipei starts at 16:00 UTC', () => {
    const window = { anchor: '2026-10-15', from: '2026-12-31T17:00:00Z', to: '2027-01-31T00:00:00Z' };
    expect(occurrences(soc, { ...window, timeZone: TPE }).map((o) => o.dueOn)).toEqual(['2027-01-01']);
    // Read in UTC the same instant is still 31 December, so 1 January is inside the window as well.
    expect(occurrences(soc, { ...window, timeZone: 'UTC' }).map((o) => o.dueOn)).toEqual(['2027-01-01']);
    const lateWindow = { ...window, from: '2027-01-01T16:30:00Z' };
    expect(occurrences(soc, { ...lateWindow, timeZone: TPE })).toEqual([]);
    // …while in UTC that instant is still 1 January, so the report due that day is in the window.
    expect(occurrences(soc, { ...lateWindow, timeZone: 'UTC' }).map((o) => o.dueOn)).toEqual(['2027-01-01']);
    expect(
      occurrences(soc, { ...window, from: '2026-12-31T15:00:00Z', timeZone: TPE }).map((o) => o.dueOn),
    ).toEqual(['2027-01-01']);
    expect(
      occurrences(soc, { ...window, to: '2026-12-31T17:00:00Z', timeZone: 'UTC' }).map((o) => o.dueOn),
    ).toEqual([]);
    expect(
      occurrences(soc, { ...window, to: '2026-12-31T17:00:00Z', timeZone: TPE }).map((o) => o.dueOn),
    ).toEqual(['2027-01-01']);
  });

  it('the due instant of a Taipei date is eight hours before the UTC one', () => {
    const [tpe] = occurrences(soc, {
      anchor: '2026-12-15',
      from: '2027-01-01',
      to: '2027-01-01',
      timeZone: TPE,
    });
    const [utc] = occurrences(soc, {
      anchor: '2026-12-15',
      from: '2027-01-01',
      to: '2027-01-01',
      timeZone: 'UTC',
    });
    expect(tpe?.dueAt).toBe('2027-01-01T15:59:59.000Z');
    expect(utc?.dueAt).toBe('2027-01-01T23:59:59.000Z');
  });

  it('refuses nonsense schedules and dates with a clear error', () => {
    expect(() =>
      occurrences(
        { kind: 'every', months: 0 },
        { anchor: '2026-01-01', from: '2026-01-01', to: '2027-01-01', timeZone: TPE },
      ),
    ).toThrow(/months/);
    expect(() =>
      occurrences(
        { kind: 'monthly', day: 5 },
        { anchor: '2026-02-30', from: '2026-01-01', to: '2027-01-01', timeZone: TPE },
      ),
    ).toThrow(/calendar date/);
  });
});

describe('properties', () => {
  const day = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const schedule: fc.Arbitrary<Schedule> = fc.oneof(
    fc.record({ kind: fc.constant('every' as const), months: fc.integer({ min: 1, max: 36 }) }),
    fc.record({
      kind: fc.constant('every' as const),
      months: fc.constantFrom(6, 12, 24),
      monthOfYear: fc.integer({ min: 1, max: 12 }),
    }),
    fc.record({ kind: fc.constant('monthly' as const), day: fc.integer({ min: 1, max: 31 }) }),
    fc.record({
      kind: fc.constant('within' as const),
      months: fc.integer({ min: 1, max: 36 }),
      thenEvery: fc.integer({ min: 1, max: 36 }),
    }),
    fc.record({ kind: fc.constant('within' as const), months: fc.integer({ min: 1, max: 36 }) }),
    fc.record({
      kind: fc.constant('hours' as const),
      hours: fc.integer({ min: 1, max: 40 }),
      months: fc.integer({ min: 1, max: 36 }),
      audience: fc.constant('all_staff'),
    }),
  );
  const zone = fc.constantFrom(TPE, 'UTC', 'America/New_York', 'Pacific/Kiritimati');

  it('sorted, unique, inside the window and after the anchor', () => {
    fc.assert(
      fc.property(
        schedule,
        day,
        day,
        fc.integer({ min: 0, max: 2000 }),
        zone,
        (s, anchor, from, span, tz) => {
          const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
          const o = occurrences(s, { anchor, from, to, timeZone: tz });
          for (let i = 0; i < o.length; i++) {
            const x = o[i];
            if (!x) continue;
            expect(x.dueOn >= from && x.dueOn <= to).toBe(true);
            expect(x.dueOn > anchor).toBe(true);
            expect(localDate(x.dueAt, tz)).toBe(x.dueOn);
            const prev = o[i - 1];
            if (prev) {
              expect(prev.dueOn < x.dueOn).toBe(true);
              expect(x.seq).toBe(prev.seq + 1);
            }
          }
        },
      ),
    );
  });

  it('spacing of every-N-months stays within the month lengths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), day, (months, anchor) => {
        const o = occurrences(
          { kind: 'every', months },
          { anchor, from: anchor, to: addMonths(anchor, months * 8), timeZone: TPE },
        );
        expect(o).toHaveLength(8);
        for (let i = 1; i < o.length; i++) {
          const gap = daysBetween(o[i - 1]?.dueOn ?? '', o[i]?.dueOn ?? '');
          expect(gap).toBeGreaterThanOrEqual(months * 28 - 3);
          expect(gap).toBeLessThanOrEqual(months * 31 + 3);
        }
      }),
    );
  });

  it('a wider window only adds occurrences (the same dates and numbers)', () => {
    fc.assert(
      fc.property(schedule, day, fc.integer({ min: 0, max: 900 }), (s, anchor, extra) => {
        const to = addMonths(anchor, 24);
        const wider = new Date(Date.parse(to) + extra * 86_400_000).toISOString().slice(0, 10);
        const a = occurrences(s, { anchor, from: anchor, to, timeZone: TPE });
        const b = occurrences(s, { anchor, from: anchor, to: wider, timeZone: TPE });
        expect(b.slice(0, a.length)).toEqual(a);
      }),
    );
  });

  it('a window starting late gives the same dates and numbers as counting from the anchor', () => {
    fc.assert(
      fc.property(
        schedule,
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 800 }),
        (s, anchor, skip, span) => {
          const from = addMonths(anchor, Math.floor(skip / 4));
          const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
          const all = scheduledDates(s, { anchor, from: anchor, to, timeZone: TPE });
          const late = scheduledDates(s, { anchor, from, to, timeZone: TPE });
          expect(late).toEqual(all.filter((o) => o.dueOn >= from));
        },
      ),
    );
  });

  it('occurrences are the scheduled dates with their due instants', () => {
    fc.assert(
      fc.property(schedule, day, zone, (s, anchor, tz) => {
        const window = { anchor, from: anchor, to: addMonths(anchor, 36), timeZone: tz };
        const o = occurrences(s, window);
        expect(o.map(({ dueAt: _dueAt, ...rest }) => rest)).toEqual(scheduledDates(s, window));
        for (const x of o) expect(x.dueAt).toBe(dueInstant(x.dueOn, tz));
      }),
    );
  });
});
