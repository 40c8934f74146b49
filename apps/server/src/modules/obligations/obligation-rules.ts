// Pure rules of the obligations calendar: which items apply, which task slots a schedule gives, when a
// reminder is due.
import {
  addDays,
  addMonths,
  daysBetween,
  localDate,
  type Obligation,
  type ResponsibilityLevel,
  type Schedule,
  scheduledDates,
} from '@vigil/frameworks';

export const LEVELS: readonly ResponsibilityLevel[] = ['A', 'B', 'C', 'D', 'E'];
export const isLevel = (x: unknown): x is ResponsibilityLevel =>
  typeof x === 'string' && (LEVELS as readonly string[]).includes(x);

/** Open tasks older than this many months are not created on a refresh (they would only be noise). */
export const LOOKBACK_MONTHS = 12;

/** The stored JSON of a node's obligation, or null when it is not usable. */
export function parseObligation(json: string | null): Obligation | null {
  if (!json) return null;
  try {
    const o = JSON.parse(json) as Obligation;
    return o && typeof o.kind === 'string' && o.byLevel && typeof o.byLevel === 'object' ? o : null;
  } catch {
    return null;
  }
}

export function scheduleFor(o: Obligation, level: ResponsibilityLevel): Schedule | null {
  return o.byLevel[level] ?? null;
}

/** Whether a schedule recurs (a once-only `within` item does not). */
export const recurs = (s: Schedule) => !(s.kind === 'within' && s.thenEvery === undefined);

export interface Slot {
  seq: number;
  scheduledOn: string;
  hours: number | null;
  audience: string | null;
}

/**
 * The task slots of a schedule: `create` are those a refresh makes (from the look-back to the horizon),
 * `valid` every slot the schedule has from the anchor to the horizon (an open task outside it no longer
 * applies and is cancelled).
 */
export function slotsOf(
  schedule: Schedule,
  anchor: string,
  today: string,
  horizonMonths: number,
  timeZone: string,
): { create: Slot[]; valid: Set<string> } {
  const to = addMonths(today, horizonMonths);
  const all = scheduledDates(schedule, { anchor, from: anchor, to, timeZone });
  const lookback = addMonths(today, -LOOKBACK_MONTHS);
  const create = all
    .filter((o) => !recurs(schedule) || o.dueOn >= lookback)
    .map((o) => ({ seq: o.seq, scheduledOn: o.dueOn, hours: o.hours ?? null, audience: o.audience ?? null }));
  return { create, valid: new Set(all.map((o) => o.dueOn)) };
}

/**
 * The day the current level was set, from the organisation's audit entries (newest first): the latest
 * change into this level. Null when the trail does not say.
 */
export function levelSetOn(
  changes: readonly { at: string; details: string }[],
  level: string,
  timeZone: string,
): string | null {
  for (const c of changes) {
    try {
      const d = JSON.parse(c.details) as {
        from?: { responsibilityLevel?: string | null } | null;
        to?: { responsibilityLevel?: string | null };
      };
      if (d.to?.responsibilityLevel === level && d.from?.responsibilityLevel !== level)
        return localDate(c.at, timeZone);
    } catch {
      // An unreadable entry says nothing about the level.
    }
  }
  return null;
}

export type ReminderKind = 'due_14' | 'due_3' | 'overdue';

/** Which reminder an open task gets today: 14 and 3 days before, on the first day overdue, then weekly. */
export function reminderKind(dueOn: string, today: string): ReminderKind | null {
  const d = daysBetween(today, dueOn);
  if (d === 14) return 'due_14';
  if (d === 3) return 'due_3';
  if (d < 0 && (-d - 1) % 7 === 0) return 'overdue';
  return null;
}

export { addDays, daysBetween, localDate };
