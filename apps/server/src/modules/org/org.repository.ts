import type { DB, OrganisationRow, UnitRow } from '@vigil/db';
import { localDate } from '@vigil/frameworks';
import type { Kysely } from 'kysely';

export const ORG_ID = 'default';
export const DEFAULT_TIME_ZONE = 'Asia/Taipei';

export async function findOrganisation(db: Kysely<DB>): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisation').selectAll().where('id', '=', ORG_ID).executeTakeFirst();
}

/** The organisation's time zone (Asia/Taipei until one is set): dates and deadlines are kept in it. */
export async function organisationTimeZone(db: Kysely<DB>): Promise<string> {
  const org = await db.selectFrom('organisation').select('time_zone').executeTakeFirst();
  return org?.time_zone ?? DEFAULT_TIME_ZONE;
}

/** Today's date (YYYY-MM-DD) in the organisation's time zone. */
export async function organisationToday(db: Kysely<DB>, now: Date): Promise<string> {
  return localDate(now, await organisationTimeZone(db));
}

export async function upsertOrganisation(db: Kysely<DB>, row: OrganisationRow): Promise<void> {
  await db
    .insertInto('organisation')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: row.name,
        responsibility_level: row.responsibility_level,
        time_zone: row.time_zone,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function listUnits(db: Kysely<DB>): Promise<(UnitRow & { member_count: number })[]> {
  const rows = await db
    .selectFrom('units')
    .leftJoin('users', 'users.unit_id', 'units.id')
    .selectAll('units')
    .select((eb) => eb.fn.count<number>('users.id').as('member_count'))
    .groupBy('units.id')
    .orderBy('units.name')
    .execute();
  return rows.map((r) => ({ ...r, member_count: Number(r.member_count) }));
}

export async function findUnit(db: Kysely<DB>, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUnit(db: Kysely<DB>, row: UnitRow): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnit(db: Kysely<DB>, id: string, patch: Partial<UnitRow>): Promise<void> {
  await db.updateTable('units').set(patch).where('id', '=', id).execute();
}

export async function deleteUnit(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('units').where('id', '=', id).execute();
}

export async function childCount(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function unitByCode(db: Kysely<DB>, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}
