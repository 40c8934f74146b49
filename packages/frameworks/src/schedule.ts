// Obligation scheduling: turns a Schedule (types.ts) into dated occurrences in the organisation's time
// zone. Pure: no clock, no database. Dates are calendar dates ('YYYY-MM-DD') in the organisation's zone;
// where an instant is needed a due date ends at 23:59:59 local time.
import type { Schedule } from './types.js';

export interface OccurrenceOptions {
  /** The day the obligation started to apply (the organisation's level took effect), 'YYYY-MM-DD'. */
  anchor: string;
  /** Start of the window (inclusive): a local date 'YYYY-MM-DD' or an instant (ISO string or Date). */
  from: string | Date;
  /** End of the window (inclusive), same forms as `from`. */
  to: string | Date;
  /** IANA zone the instants are read in, e.g. Asia/Taipei. */
  timeZone: string;
}

export interface Occurrence {
  /** Local due date. */
  dueOn: string;
  /** The due instant (23:59:59 local) as an ISO UTC timestamp. */
  dueAt: string;
  /** 1-based count of the occurrence since the anchor; stable for a given anchor and schedule. */
  seq: number;
  /** Training hours due by this date (only `hours` schedules). */
  hours?: number;
  audience?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Never produce more than this many occurrences (a monthly item over 100 years is 1,200). */
const MAX_OCCURRENCES = 2000;

/** Whether the text is a real calendar date 'YYYY-MM-DD'. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fmt = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date N months after `date`, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The last day of the month of `date`. */
function monthEnd(date: string): string {
  const [y, m] = parts(date);
  return fmt(y, m, daysInMonth(y, m));
}

/** The date N days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** Formatters are costly to build (~0.1 ms each): one of each kind per zone, the least recently used dropped. */
const MAX_CACHED_ZONES = 64;

function cachedFormatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: (timeZone: string) => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  const hit = cache.get(timeZone);
  if (hit) {
    // Refresh its place so the zones in use stay while one-off zones age out.
    cache.delete(timeZone);
    cache.set(timeZone, hit);
    return hit;
  }
  const made = make(timeZone); // throws RangeError for an unknown zone: nothing is cached then
  if (cache.size >= MAX_CACHED_ZONES) cache.delete(cache.keys().next().value as string);
  cache.set(timeZone, made);
  return made;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const partFormatters = new Map<string, Intl.DateTimeFormat>();

const dateFormatter = (timeZone: string) =>
  cachedFormatter(
    dateFormatters,
    timeZone,
    (zone) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );

const partFormatter = (timeZone: string) =>
  cachedFormatter(
    partFormatters,
    timeZone,
    (zone) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );

/** How many zones have cached formatters (tests check the bound). */
export function cachedZoneCount(): number {
  return Math.max(dateFormatters.size, partFormatters.size);
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return dateFormatter(timeZone).format(at);
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Taipei: +480). */
function offsetMinutes(at: Date, timeZone: string): number {
  const v = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partFormatter(timeZone).formatToParts(at))
    if (p.type in v) v[p.type as keyof typeof v] = Number(p.value);
  const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local date ends (23:59:59 in the zone), as an ISO UTC timestamp. */
export function dueInstant(date: string, timeZone: string): string {
  const [y, m, d] = parts(date);
  const naive = Date.UTC(y, m - 1, d, 23, 59, 59);
  // Two passes settle the offset even on a day the zone changes its clock.
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess).toISOString();
}

function toLocal(x: string | Date, timeZone: string): string {
  if (typeof x === 'string' && DATE.test(x)) {
    parts(x);
    return x;
  }
  return localDate(x, timeZone);
}

/** Months from the month of `a` to the month of `b` (days ignored). */
function monthsBetween(a: string, b: string): number {
  const [ay, am] = parts(a);
  const [by, bm] = parts(b);
  return (by - ay) * 12 + (bm - am);
}

/**
 * The first k worth computing for a series due every `step` months, the k-th in month `base + k·step`
 * (from its first month, `base` = 0, …): every earlier k falls in a month before `from`, so skipping them
 * changes nothing but the work. Always at least 1.
 */
function firstK(monthsToFrom: number, step: number, base: number): number {
  return Math.max(1, Math.floor((monthsToFrom - base) / step) - 1);
}

/**
 * The due dates of a schedule (sequence number k from 1), before the window is applied. Those due before
 * `from` may be skipped: sequence numbers still count from the anchor.
 */
function* dueDates(
  schedule: Schedule,
  anchor: string,
  from: string,
): Generator<{ seq: number; dueOn: string }> {
  const toFrom = monthsBetween(anchor, from);
  switch (schedule.kind) {
    case 'every': {
      const n = schedule.months;
      if (schedule.monthOfYear === undefined) {
        for (let k = firstK(toFrom, n, 0); ; k++) yield { seq: k, dueOn: addMonths(anchor, k * n) };
      }
      // Due at the end of the given month: the first such month-end after the anchor, then every N months.
      const [ay] = parts(anchor);
      const month = schedule.monthOfYear;
      let start = fmt(ay, month, 1);
      if (monthEnd(start) <= anchor) start = fmt(ay + 1, month, 1);
      for (let k = firstK(monthsBetween(start, from), n, -n); ; k++)
        yield { seq: k, dueOn: monthEnd(addMonths(start, (k - 1) * n)) };
    }
    case 'monthly': {
      // Due on `day` of each month (clamped), the first one after the anchor.
      const [ay, am, ad] = parts(anchor);
      const first = ad >= Math.min(schedule.day, daysInMonth(ay, am)) ? 1 : 0;
      for (let k = firstK(toFrom, 1, first - 1); ; k++) {
        const total = ay * 12 + (am - 1) + first + k - 1;
        const y = Math.floor(total / 12);
        const m = (total % 12) + 1;
        yield { seq: k, dueOn: fmt(y, m, Math.min(schedule.day, daysInMonth(y, m))) };
      }
    }
    case 'within': {
      yield { seq: 1, dueOn: addMonths(anchor, schedule.months) };
      const then = schedule.thenEvery;
      if (then === undefined) return;
      for (let k = firstK(toFrom, then, schedule.months); ; k++)
        yield { seq: k + 1, dueOn: addMonths(anchor, schedule.months + k * then) };
    }
    case 'hours': {
      const n = schedule.months ?? 12;
      for (let k = firstK(toFrom, n, 0); ; k++) yield { seq: k, dueOn: addMonths(anchor, k * n) };
    }
  }
}

function assertSchedule(schedule: Schedule): void {
  const positive = (n: number | undefined, what: string, max = 1200) => {
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > max))
      throw new RangeError(`${what} must be a whole number from 1 to ${max}`);
  };
  switch (schedule.kind) {
    case 'every':
      positive(schedule.months, 'months');
      positive(schedule.monthOfYear, 'monthOfYear', 12);
      break;
    case 'monthly':
      positive(schedule.day, 'day', 31);
      break;
    case 'within':
      positive(schedule.months, 'months');
      positive(schedule.thenEvery, 'thenEvery');
      break;
    case 'hours':
      positive(schedule.months, 'months');
      if (!(schedule.hours > 0)) throw new RangeError('hours must be positive');
      break;
  }
}

/** An occurrence without its due instant (what a calendar needs to match tasks by date). */
export type DatedOccurrence = Omit<Occurrence, 'dueAt'>;

/**
 * The due dates of `schedule` in [from, to] (inclusive, local dates in `timeZone`), oldest first, like
 * `occurrences` but without working out each due instant. Each is counted from the anchor, so the same
 * anchor always yields the same dates and sequence numbers whatever the window.
 */
export function scheduledDates(schedule: Schedule, opts: OccurrenceOptions): DatedOccurrence[] {
  assertSchedule(schedule);
  const anchor = toLocal(opts.anchor, opts.timeZone);
  const from = toLocal(opts.from, opts.timeZone);
  const to = toLocal(opts.to, opts.timeZone);
  const out: DatedOccurrence[] = [];
  if (to < from) return out;
  for (const { seq, dueOn } of dueDates(schedule, anchor, from)) {
    if (dueOn > to || seq > 100_000) break;
    if (dueOn < from) continue;
    const o: DatedOccurrence = { dueOn, seq };
    if (schedule.kind === 'hours') {
      o.hours = schedule.hours;
      o.audience = schedule.audience;
    }
    out.push(o);
    if (out.length >= MAX_OCCURRENCES) break;
  }
  return out;
}

/**
 * The occurrences of `schedule` whose due date falls in [from, to] (inclusive, local dates in
 * `timeZone`), oldest first, each with its due instant. Each occurrence is counted from the anchor, so the
 * same anchor always yields the same dates and sequence numbers whatever the window.
 */
export function occurrences(schedule: Schedule, opts: OccurrenceOptions): Occurrence[] {
  return scheduledDates(schedule, opts).map(({ dueOn, seq, ...rest }) => ({
    dueOn,
    dueAt: dueInstant(dueOn, opts.timeZone),
    seq,
    ...rest,
  }));
}

/** A short English description of a schedule (logs, audit details); the UI words it itself. */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'every':
      return `every ${schedule.months} months${schedule.monthOfYear ? ` (month ${schedule.monthOfYear})` : ''}`;
    case 'monthly':
      return `monthly by day ${schedule.day}`;
    case 'within':
      return `within ${schedule.months} months${schedule.thenEvery ? `, then every ${schedule.thenEvery}` : ''}`;
    case 'hours':
      return `${schedule.hours} h per ${schedule.months ?? 12} months (${schedule.audience})`;
  }
}
