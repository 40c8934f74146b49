// "Generate / refresh calendar": one obligation per applicable framework item, dated tasks up to the
// horizon. Idempotent: tasks are matched by (obligation, scheduled date); done tasks are never touched;
// open tasks that no longer apply are cancelled, never deleted. A refresh reads the existing obligations and
// tasks in two queries and writes new rows in batches, whatever the number of obligations.
import { randomUUID } from 'node:crypto';
import type { ObligationGenerateResult } from '@vigil/contracts';
import { type DB, isUniqueViolation, type ObligationRow, type ObligationTaskRow } from '@vigil/db';
import type { Schedule } from '@vigil/frameworks';
import type { Kysely } from 'kysely';
import { badRequest, conflict } from '../../http/errors.js';
import type { AuditEvent } from '../../platform/audit/audit.service.js';
import type { RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import {
  cancelOpenTasks,
  insertObligations,
  insertTasks,
  reopenTasks,
  retireObligations,
  type TaskSlotRow,
  taskSlotsByObligation,
} from './obligation-calendar.repository.js';
import { isLevel, parseObligation, scheduleFor, slotsOf } from './obligation-rules.js';
import { allObligations, obligationNodes } from './obligations.repository.js';
import type { ObligationContext } from './obligations.service.js';

const NO_LONGER_APPLIES = 'no_longer_applies';

interface Desired {
  frameworkKey: string;
  ref: string;
  kind: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  schedule: Schedule;
  quantity: number | null;
}

async function desiredItems(db: Kysely<DB>, frameworks: string[], level: string): Promise<Desired[]> {
  if (!isLevel(level)) return [];
  const out: Desired[] = [];
  for (const n of await obligationNodes(db, frameworks)) {
    const o = parseObligation(n.obligation);
    const schedule = o ? scheduleFor(o, level) : null;
    if (!o || !schedule) continue;
    out.push({
      frameworkKey: n.framework_key,
      ref: n.ref,
      kind: o.kind,
      titleEn: n.title_en,
      titleZh: n.title_zh,
      descriptionEn: n.description_en,
      descriptionZh: n.description_zh,
      schedule,
      quantity: o.quantityByLevel?.[level] ?? null,
    });
  }
  return out;
}

/** The rows a refresh writes, gathered while it compares and written in batches at the end. */
interface Writes {
  obligations: ObligationRow[];
  retired: string[];
  cancelled: string[];
  reopened: { id: string; seq: number }[];
  tasks: ObligationTaskRow[];
}

async function applyWrites(trx: Kysely<DB>, w: Writes, now: string): Promise<void> {
  // Obligations first: new tasks refer to them.
  await insertObligations(trx, w.obligations);
  await retireObligations(trx, w.retired, now);
  await cancelOpenTasks(trx, w.cancelled, NO_LONGER_APPLIES, now);
  await reopenTasks(trx, w.reopened, now);
  await insertTasks(trx, w.tasks);
}

export async function generateCalendar(
  s: Services,
  ctx: RequestContext,
  oc: ObligationContext,
  actorId: string | null,
): Promise<ObligationGenerateResult> {
  const { level, anchorOn, today, timeZone, profile } = oc;
  if (!level || !isLevel(level))
    throw badRequest('obligation.level_not_set', 'set the organisation’s responsibility level first');
  if (!anchorOn) throw badRequest('obligation.anchor_not_set', 'set the date the level took effect');
  const frameworks = JSON.parse(profile.frameworks_in_use) as string[];
  const now = s.clock.now().toISOString();
  const result: ObligationGenerateResult = {
    level,
    anchorOn,
    obligations: { added: 0, updated: 0, retired: 0, active: 0 },
    tasks: { created: 0, cancelled: 0, reopened: 0, kept: 0 },
  };
  const events: AuditEvent[] = [];
  const writes: Writes = { obligations: [], retired: [], cancelled: [], reopened: [], tasks: [] };
  const cancelTask = (id: string) => {
    writes.cancelled.push(id);
    result.tasks.cancelled++;
    events.push({
      action: 'obligation_task.cancelled',
      objectType: 'obligation_task',
      objectId: id,
      details: { reason: NO_LONGER_APPLIES, level },
    });
  };

  try {
    await s.db.transaction().execute(async (trx) => {
      const desired = await desiredItems(trx, frameworks, level);
      const existing = new Map(
        (await allObligations(trx)).map((o) => [`${o.framework_key}\u0000${o.ref}`, o]),
      );
      const tasksByObligation = await taskSlotsByObligation(trx);
      const tasksOf = (id: string): TaskSlotRow[] => tasksByObligation.get(id) ?? [];
      const active: ObligationRow[] = [];
      const keep = new Set<string>();
      for (const d of desired) {
        const key = `${d.frameworkKey}\u0000${d.ref}`;
        keep.add(key);
        const schedule = JSON.stringify(d.schedule);
        const before = existing.get(key);
        const values = {
          kind: d.kind,
          title_en: d.titleEn,
          title_zh: d.titleZh,
          description_en: d.descriptionEn,
          description_zh: d.descriptionZh,
          level,
          schedule,
          quantity: d.quantity,
          active: 1,
        };
        if (!before) {
          const row: ObligationRow = {
            id: randomUUID(),
            framework_key: d.frameworkKey,
            ref: d.ref,
            owner_id: profile.default_owner_id,
            created_at: now,
            updated_at: now,
            ...values,
          };
          writes.obligations.push(row);
          result.obligations.added++;
          events.push({
            action: 'obligation.added',
            objectType: 'obligation',
            objectId: row.id,
            details: { frameworkKey: d.frameworkKey, ref: d.ref, kind: d.kind, level, schedule: d.schedule },
          });
          active.push(row);
          continue;
        }
        const changed =
          before.active !== 1 ||
          before.schedule !== schedule ||
          before.level !== level ||
          before.title_en !== d.titleEn ||
          before.title_zh !== d.titleZh ||
          before.quantity !== d.quantity;
        if (changed) {
          await trx
            .updateTable('obligations')
            .set({ ...values, updated_at: now })
            .where('id', '=', before.id)
            .execute();
          result.obligations.updated++;
          events.push({
            action: 'obligation.updated',
            objectType: 'obligation',
            objectId: before.id,
            details: {
              from: {
                level: before.level,
                schedule: JSON.parse(before.schedule),
                active: before.active === 1,
              },
              to: { level, schedule: d.schedule, active: true },
            },
          });
        }
        active.push({ ...before, ...values });
      }

      // Items that no longer apply: retired, their open tasks cancelled.
      for (const [key, o] of existing) {
        if (keep.has(key) || o.active !== 1) continue;
        writes.retired.push(o.id);
        result.obligations.retired++;
        events.push({
          action: 'obligation.retired',
          objectType: 'obligation',
          objectId: o.id,
          details: { frameworkKey: o.framework_key, ref: o.ref, level },
        });
        for (const t of tasksOf(o.id)) if (t.status === 'open') cancelTask(t.id);
      }

      for (const o of active) {
        const schedule = JSON.parse(o.schedule) as Schedule;
        const slots = slotsOf(schedule, anchorOn, today, profile.horizon_months, timeZone);
        const tasks = new Map(tasksOf(o.id).map((t) => [t.scheduled_on, t]));
        for (const t of tasks.values())
          if (t.status === 'open' && !slots.valid.has(t.scheduled_on)) cancelTask(t.id);
        for (const slot of slots.create) {
          const t = tasks.get(slot.scheduledOn);
          if (!t) {
            const id = randomUUID();
            writes.tasks.push({
              id,
              obligation_id: o.id,
              seq: slot.seq,
              scheduled_on: slot.scheduledOn,
              due_on: slot.scheduledOn,
              hours: slot.hours,
              audience: slot.audience,
              owner_id: o.owner_id ?? profile.default_owner_id ?? actorId,
              status: 'open',
              completed_at: null,
              completed_by: null,
              completion_note: null,
              cancelled_at: null,
              cancel_reason: null,
              created_at: now,
              updated_at: now,
            });
            result.tasks.created++;
            events.push({
              action: 'obligation_task.created',
              objectType: 'obligation_task',
              objectId: id,
              details: { obligationId: o.id, ref: o.ref, dueOn: slot.scheduledOn },
            });
          } else if (t.status === 'cancelled' && t.cancel_reason === NO_LONGER_APPLIES) {
            writes.reopened.push({ id: t.id, seq: slot.seq });
            result.tasks.reopened++;
            events.push({
              action: 'obligation_task.reopened',
              objectType: 'obligation_task',
              objectId: t.id,
              details: { obligationId: o.id, dueOn: t.due_on, level },
            });
          } else {
            result.tasks.kept++;
          }
        }
      }
      result.obligations.active = active.length;
      await applyWrites(trx, writes, now);

      await trx
        .updateTable('obligation_profile')
        .set({ generated_level: level, generated_at: now, updated_at: now })
        .where('id', '=', profile.id)
        .execute();
      await s.audit.record(trx, ctx, {
        action: 'obligation.calendar_generated',
        objectType: 'obligation_profile',
        objectId: profile.id,
        details: { ...result, frameworks, horizonMonths: profile.horizon_months },
      });
      await s.audit.recordMany(trx, ctx, events);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('obligation.refresh_in_progress', 'the calendar is being refreshed; try again');
    throw err;
  }
  return result;
}
