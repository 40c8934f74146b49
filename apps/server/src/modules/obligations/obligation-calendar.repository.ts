// Queries of a calendar refresh: existing tasks in one query, new and changed rows in batches.
import type { DB, ObligationRow, ObligationTaskRow } from '@vigil/db';
import type { Kysely } from 'kysely';

/** Rows (or ids) per statement: 200 task rows bind 3,400 values, well under both dialects' limits. */
const BATCH = 200;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/** What a calendar refresh needs to know of an existing task. */
export type TaskSlotRow = Pick<
  ObligationTaskRow,
  'id' | 'obligation_id' | 'scheduled_on' | 'due_on' | 'status' | 'cancel_reason'
>;

/** Every task of every obligation, by obligation id, oldest first (one query). */
export async function taskSlotsByObligation(db: Kysely<DB>): Promise<Map<string, TaskSlotRow[]>> {
  const rows = await db
    .selectFrom('obligation_tasks')
    .select(['id', 'obligation_id', 'scheduled_on', 'due_on', 'status', 'cancel_reason'])
    .orderBy('obligation_id')
    .orderBy('scheduled_on')
    .execute();
  const out = new Map<string, TaskSlotRow[]>();
  for (const r of rows) {
    const list = out.get(r.obligation_id);
    if (list) list.push(r);
    else out.set(r.obligation_id, [r]);
  }
  return out;
}

export async function insertObligations(db: Kysely<DB>, rows: readonly ObligationRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('obligations').values(part).execute();
}

export async function retireObligations(db: Kysely<DB>, ids: readonly string[], now: string): Promise<void> {
  for (const part of chunks(ids))
    await db.updateTable('obligations').set({ active: 0, updated_at: now }).where('id', 'in', part).execute();
}

export async function insertTasks(db: Kysely<DB>, rows: readonly ObligationTaskRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('obligation_tasks').values(part).execute();
}

/** Cancels those of the tasks still open. */
export async function cancelOpenTasks(
  db: Kysely<DB>,
  ids: readonly string[],
  reason: string,
  now: string,
): Promise<void> {
  for (const part of chunks(ids))
    await db
      .updateTable('obligation_tasks')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now })
      .where('id', 'in', part)
      .where('status', '=', 'open')
      .execute();
}

/** Opens cancelled tasks again with their current sequence numbers (one statement per number). */
export async function reopenTasks(
  db: Kysely<DB>,
  tasks: readonly { id: string; seq: number }[],
  now: string,
): Promise<void> {
  const bySeq = new Map<number, string[]>();
  for (const t of tasks) {
    const ids = bySeq.get(t.seq);
    if (ids) ids.push(t.id);
    else bySeq.set(t.seq, [t.id]);
  }
  for (const [seq, ids] of bySeq)
    for (const part of chunks(ids))
      await db
        .updateTable('obligation_tasks')
        .set({ status: 'open', cancelled_at: null, cancel_reason: null, seq, updated_at: now })
        .where('id', 'in', part)
        .execute();
}
