// Queries of the document register: one page of it, one row of it, and the overdue reviews. No rules here.
import type { DocumentListQuery } from '@vigil/contracts';
import type { DB, DocumentRow } from '@vigil/db';
import { type Kysely, sql } from 'kysely';

export interface RegisterRow extends DocumentRow {
  latest_status: string | null;
  latest_version: number | null;
  published_version: number | null;
}

/** The register's filters (paging aside); `overdue` compares the next review date with `today`. */
export type RegisterFilter = Omit<DocumentListQuery, 'limit' | 'offset'>;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Documents joined with their newest version (through the unique (document_id, version) index) and their
 * published one (through the (status, document_id) index), filtered; the caller selects.
 */
function registerFrom(db: Kysely<DB>, f: RegisterFilter, today: string) {
  let query = db
    .selectFrom('documents as d')
    .leftJoin('document_versions as lv', (j) =>
      j.onRef('lv.document_id', '=', 'd.id').on((eb) =>
        eb(
          'lv.version',
          '=',
          eb
            .selectFrom('document_versions as x')
            .select((e) => e.fn.max('x.version').as('m'))
            .whereRef('x.document_id', '=', 'd.id'),
        ),
      ),
    )
    .leftJoin('document_versions as pv', (j) =>
      j.onRef('pv.document_id', '=', 'd.id').on('pv.status', '=', 'published'),
    );
  if (f.levelId) query = query.where('d.level_id', '=', f.levelId);
  if (f.ownerId) query = query.where('d.owner_id', '=', f.ownerId);
  if (f.status === 'none') query = query.where('lv.id', 'is', null);
  else if (f.status) query = query.where('lv.status', '=', f.status);
  // Overdue: published, with a review date before today (the presenter's reviewOverdue, in SQL).
  if (f.overdue === 'true')
    query = query
      .where('pv.id', 'is not', null)
      .where('d.next_review_on', 'is not', null)
      .where('d.next_review_on', '<', today);
  else if (f.overdue === 'false')
    query = query.where((eb) =>
      eb.or([
        eb('pv.id', 'is', null),
        eb('d.next_review_on', 'is', null),
        eb('d.next_review_on', '>=', today),
      ]),
    );
  if (f.q) {
    // Case-insensitive on both dialects (PostgreSQL's like is not).
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    query = query.where(
      sql<boolean>`(lower(d.title) like ${like} escape '\\' or lower(d.number) like ${like} escape '\\')`,
    );
  }
  return query;
}

const registerColumns = [
  'lv.status as latest_status',
  'lv.version as latest_version',
  'pv.version as published_version',
] as const;

/** One page of the register, by number, and how many documents the filters match in all. */
export async function listDocuments(
  db: Kysely<DB>,
  f: RegisterFilter,
  today: string,
  limit: number,
  offset: number,
): Promise<{ rows: RegisterRow[]; total: number }> {
  const from = registerFrom(db, f, today);
  const [rows, count] = await Promise.all([
    from
      .selectAll('d')
      .select(registerColumns)
      .orderBy('d.number')
      .limit(limit)
      .offset(offset)
      .execute() as Promise<RegisterRow[]>,
    from.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One document as the register shows it. */
export async function findRegisterRow(db: Kysely<DB>, id: string): Promise<RegisterRow | undefined> {
  return registerFrom(db, {}, '')
    .selectAll('d')
    .select(registerColumns)
    .where('d.id', '=', id)
    .executeTakeFirst() as Promise<RegisterRow | undefined>;
}

/** Published documents past their review date: how many, and the `first` longest overdue. */
export async function overdueReviews(
  db: Kysely<DB>,
  today: string,
  first: number,
): Promise<{ rows: Pick<DocumentRow, 'id' | 'number' | 'title' | 'next_review_on'>[]; total: number }> {
  const from = registerFrom(db, { overdue: 'true' }, today);
  const [rows, count] = await Promise.all([
    from
      .select(['d.id', 'd.number', 'd.title', 'd.next_review_on'])
      .orderBy('d.next_review_on')
      .orderBy('d.number')
      .limit(first)
      .execute(),
    from.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
