import type { AuditQuery } from '@vigil/contracts';
import type { AuditEntryRow, DB } from '@vigil/db';
import { type Kysely, sql } from 'kysely';

export type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'>;

/** Claims the next sequence number and locks the chain head until the transaction ends. */
export async function claimNextSeq(db: Kysely<DB>): Promise<{ seq: number; prevHash: string }> {
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), prevHash: head.hash };
}

export async function insertEntry(db: Kysely<DB>, row: AuditEntryRow): Promise<void> {
  await db.insertInto('audit_entries').values(row).execute();
  await db.updateTable('audit_head').set({ hash: row.hash }).where('id', '=', 1).execute();
}

export async function readHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Entries in chain order, a batch at a time, for verification. */
export async function entriesAfter(
  db: Kysely<DB>,
  afterSeq: number,
  limit: number,
): Promise<AuditEntryRow[]> {
  return db
    .selectFrom('audit_entries')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_entries');
  if (f.actor) {
    const actor = f.actor;
    q = q.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_label', '=', actor)]));
  }
  if (f.action)
    q = f.action.endsWith('*')
      ? q.where(sql<boolean>`action like ${`${escapeLike(f.action.slice(0, -1))}%`} escape '\\'`)
      : q.where('action', '=', f.action);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('at', '<=', new Date(f.to).toISOString());
  return q;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findEntries(db: Kysely<DB>, f: AuditFilter, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Every matching entry, newest first, in batches (for CSV export). */
export async function* streamEntries(
  db: Kysely<DB>,
  f: AuditFilter,
  batch = 1000,
): AsyncGenerator<AuditEntryRow> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await filtered(db, f)
      .selectAll()
      .where('seq', '<', before)
      .orderBy('seq', 'desc')
      .limit(batch)
      .execute();
    for (const r of rows) yield r;
    if (rows.length < batch) return;
    before = Number(rows[rows.length - 1]!.seq);
  }
}
