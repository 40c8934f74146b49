// Queries of the obligations calendar. No business rules here.
import type { DB, ObligationProfileRow, ObligationRow, ObligationTaskRow } from '@vigil/db';
import type { Kysely } from 'kysely';

export const PROFILE_ID = 'org';
export const DEFAULT_FRAMEWORKS = ['tw-responsibility-levels'];
export const DEFAULT_HORIZON_MONTHS = 24;

export interface UserRefRow {
  id: string;
  displayName: string;
}

/** Display references of users by id (one query). */
export async function usersByIds(
  db: Kysely<DB>,
  ids: Iterable<string | null>,
): Promise<Map<string, UserRefRow>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]));
}

export async function userExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
}

export async function organisationRow(db: Kysely<DB>) {
  return db
    .selectFrom('organisation')
    .select(['responsibility_level', 'time_zone', 'updated_at'])
    .executeTakeFirst();
}

/** The profile row, created with the defaults when missing (safe when two processes race). */
export async function ensureProfile(db: Kysely<DB>, now: string): Promise<ObligationProfileRow> {
  await db
    .insertInto('obligation_profile')
    .values({
      id: PROFILE_ID,
      anchor_on: null,
      anchor_level: null,
      frameworks_in_use: JSON.stringify(DEFAULT_FRAMEWORKS),
      default_owner_id: null,
      horizon_months: DEFAULT_HORIZON_MONTHS,
      generated_level: null,
      generated_at: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return db
    .selectFrom('obligation_profile')
    .selectAll()
    .where('id', '=', PROFILE_ID)
    .executeTakeFirstOrThrow();
}

/** Audit entries of organisation changes, newest first (to find when the level was set). */
export async function orgChanges(db: Kysely<DB>) {
  return db
    .selectFrom('audit_entries')
    .select(['at', 'details'])
    .where('action', '=', 'org.updated')
    .orderBy('seq', 'desc')
    .limit(200)
    .execute();
}

export interface ObligationNodeRow {
  framework_key: string;
  name_en: string;
  name_zh: string;
  ref: string;
  title_en: string;
  title_zh: string;
  description_en: string;
  description_zh: string;
  obligation: string;
  position: number;
}

/** Requirements with an obligation in the current version of each framework given. */
export async function obligationNodes(db: Kysely<DB>, keys: readonly string[]): Promise<ObligationNodeRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('frameworks as f')
    .innerJoin('framework_nodes as n', 'n.version_id', 'f.current_version_id')
    .select([
      'f.key as framework_key',
      'f.name_en',
      'f.name_zh',
      'n.ref',
      'n.title_en',
      'n.title_zh',
      'n.description_en',
      'n.description_zh',
      'n.obligation',
      'n.position',
    ])
    .where('f.key', 'in', [...keys])
    .where('n.kind', '=', 'requirement')
    .where('n.obligation', 'is not', null)
    .orderBy('f.key')
    .orderBy('n.position')
    .execute() as Promise<ObligationNodeRow[]>;
}

/** Frameworks whose current version holds at least one obligation item. */
export async function frameworksWithObligations(db: Kysely<DB>) {
  return db
    .selectFrom('frameworks as f')
    .select(['f.key', 'f.name_en', 'f.name_zh'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('framework_nodes as n')
          .select('n.id')
          .whereRef('n.version_id', '=', 'f.current_version_id')
          .where('n.obligation', 'is not', null),
      ),
    )
    .orderBy('f.key')
    .execute();
}

export async function allObligations(db: Kysely<DB>): Promise<ObligationRow[]> {
  return db.selectFrom('obligations').selectAll().orderBy('framework_key').orderBy('ref').execute();
}

export async function obligationById(db: Kysely<DB>, id: string): Promise<ObligationRow | undefined> {
  return db.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Open-task counts and next due date per obligation. */
export async function openTaskStats(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('obligation_tasks')
    .select([
      'obligation_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.min<string>('due_on').as('next'),
    ])
    .where('status', '=', 'open')
    .groupBy('obligation_id')
    .execute();
  return new Map(rows.map((r) => [r.obligation_id, { open: Number(r.n), next: r.next ?? null }]));
}

export interface TaskFilter {
  ids?: string[];
  status?: string;
  ownerId?: string;
  kind?: string;
  /** Only open tasks due before this date. */
  overdueBefore?: string;
  /** Exclude open tasks due before this date. */
  notOverdueBefore?: string;
  dueFrom?: string;
  dueTo?: string;
}

export type TaskJoinedRow = ObligationTaskRow & {
  framework_key: string;
  ref: string;
  kind: string;
  title_en: string;
  title_zh: string;
  description_en: string;
  description_zh: string;
  level: string;
  schedule: string;
};

function taskQuery(db: Kysely<DB>, f: TaskFilter) {
  let q = db.selectFrom('obligation_tasks as t').innerJoin('obligations as o', 'o.id', 't.obligation_id');
  if (f.ids) q = q.where('t.id', 'in', f.ids.length ? f.ids : ['-']);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.ownerId) q = q.where('t.owner_id', '=', f.ownerId);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.overdueBefore) q = q.where('t.status', '=', 'open').where('t.due_on', '<', f.overdueBefore);
  if (f.notOverdueBefore) {
    const d = f.notOverdueBefore;
    q = q.where((eb) => eb.or([eb('t.status', '!=', 'open'), eb('t.due_on', '>=', d)]));
  }
  if (f.dueFrom) q = q.where('t.due_on', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('t.due_on', '<=', f.dueTo);
  return q;
}

export async function findTasks(
  db: Kysely<DB>,
  f: TaskFilter,
  limit: number,
  offset: number,
): Promise<{ rows: TaskJoinedRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    taskQuery(db, f)
      .selectAll('t')
      .select([
        'o.framework_key',
        'o.ref',
        'o.kind',
        'o.title_en',
        'o.title_zh',
        'o.description_en',
        'o.description_zh',
        'o.level',
        'o.schedule',
      ])
      .orderBy('t.due_on')
      .orderBy('o.ref')
      .limit(limit)
      .offset(offset)
      .execute(),
    taskQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { rows: rows as TaskJoinedRow[], total: Number(count?.n ?? 0) };
}

export async function evidenceCounts(db: Kysely<DB>, taskIds: string[]): Promise<Map<string, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('obligation_task_evidence')
    .select(['task_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('task_id', 'in', taskIds)
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [r.task_id, Number(r.n)]));
}

export async function evidenceOfTask(db: Kysely<DB>, taskId: string) {
  return db
    .selectFrom('obligation_task_evidence as l')
    .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
    .select([
      'e.id',
      'e.kind',
      'e.title',
      'e.file_name',
      'e.url',
      'e.valid_until',
      'l.linked_at',
      'l.linked_by',
    ])
    .where('l.task_id', '=', taskId)
    .orderBy('l.linked_at')
    .execute();
}

/** Remembers a reminder; false when the same one was already sent (per subject, kind and day). */
export async function claimReminder(
  db: Kysely<DB>,
  r: { subjectType: string; subjectId: string; kind: string; day: string; at: string },
): Promise<boolean> {
  const res = await db
    .insertInto('reminders_sent')
    .values({ subject_type: r.subjectType, subject_id: r.subjectId, kind: r.kind, day: r.day, sent_at: r.at })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'kind', 'day']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
