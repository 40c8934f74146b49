import type { DB, JobRunRow } from '@vigil/db';
import type { Kysely } from 'kysely';

const NEVER = '1970-01-01T00:00:00.000Z';

/** SQL of the scheduler: one lease row per job (who runs it, until when, which due time ran last) and runs. */
export class JobRunsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Takes the job's lease when nobody holds it (or the holder's lease ran out) and, for a scheduled run,
   * when this due time has not run yet. One conditional UPDATE, so two processes cannot both win.
   */
  async acquire(name: string, holder: string, now: string, until: string, due: string | null) {
    await this.db
      .insertInto('job_leases')
      .values({ name, holder: null, expires_at: NEVER, last_due_at: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    let q = this.db
      .updateTable('job_leases')
      .set({ holder, expires_at: until })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('holder', 'is', null), eb('expires_at', '<=', now)]));
    if (due) q = q.where((eb) => eb.or([eb('last_due_at', 'is', null), eb('last_due_at', '<', due)]));
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async lease(name: string) {
    return this.db
      .selectFrom('job_leases')
      .select(['holder', 'expires_at', 'last_due_at'])
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async extend(name: string, holder: string, until: string): Promise<void> {
    await this.db
      .updateTable('job_leases')
      .set({ expires_at: until })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }

  /** Gives the lease back; a scheduled run also marks its due time as done. */
  async release(name: string, holder: string, now: string, due: string | null): Promise<void> {
    await this.db
      .updateTable('job_leases')
      .set(due ? { holder: null, expires_at: now, last_due_at: due } : { holder: null, expires_at: now })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }

  /** Runs left `running` by a holder whose lease expired (a crashed process) are closed as failed. */
  async abandonStale(name: string, holder: string, now: string): Promise<void> {
    await this.db
      .updateTable('job_runs')
      .set({
        outcome: 'failed',
        finished_at: now,
        error: 'abandoned: the running process stopped renewing its lease',
      })
      .where('name', '=', name)
      .where('outcome', '=', 'running')
      .where('holder', '<>', holder)
      .execute();
  }

  async start(run: { id: string; name: string; due: string; now: string; holder: string }): Promise<void> {
    await this.db
      .insertInto('job_runs')
      .values({
        id: run.id,
        name: run.name,
        due_at: run.due,
        started_at: run.now,
        finished_at: null,
        outcome: 'running',
        error: null,
        holder: run.holder,
      })
      .execute();
  }

  async finish(id: string, now: string, error: string | null): Promise<JobRunRow> {
    await this.db
      .updateTable('job_runs')
      .set({ finished_at: now, outcome: error === null ? 'succeeded' : 'failed', error })
      .where('id', '=', id)
      .execute();
    return this.db.selectFrom('job_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  /** Keeps the history bounded: the delivery job alone runs 1,440 times a day. */
  async prune(name: string, before: string): Promise<void> {
    await this.db.deleteFrom('job_runs').where('name', '=', name).where('started_at', '<', before).execute();
  }

  async latest(name: string, limit: number): Promise<JobRunRow[]> {
    return this.db
      .selectFrom('job_runs')
      .selectAll()
      .where('name', '=', name)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async organisationTimeZone(): Promise<string | null> {
    const row = await this.db.selectFrom('organisation').select('time_zone').executeTakeFirst();
    return row?.time_zone ?? null;
  }
}
