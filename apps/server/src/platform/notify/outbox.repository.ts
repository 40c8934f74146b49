import type { OutboxStatus } from '@vigil/contracts';
import type { DB, NotificationOutboxTable } from '@vigil/db';
import type { Insertable, Kysely } from 'kysely';

export interface RecipientRow {
  id: string;
  email: string | null;
  locale: string | null;
  disabled_at: string | null;
}

/** Rows per INSERT: 250 rows bind 4,750 values, well under the limits of SQLite and PostgreSQL. */
const INSERT_BATCH = 250;

/** SQL of the mail outbox; no rules here. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async recipients(trx: Kysely<DB>, ids: readonly string[]): Promise<RecipientRow[]> {
    if (ids.length === 0) return [];
    return trx
      .selectFrom('users')
      .select(['id', 'email', 'locale', 'disabled_at'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Inserts rows; a row whose (user, dedupe key) exists already is dropped. Returns how many were new. */
  async insert(trx: Kysely<DB>, rows: Insertable<NotificationOutboxTable>[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const res = await trx
        .insertInto('notification_outbox')
        .values(rows.slice(i, i + INSERT_BATCH))
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returning('id')
        .execute();
      inserted += res.length;
    }
    return inserted;
  }

  async dueIds(now: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('notification_outbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Claims one queued row for this worker; false when another worker got it first. */
  async claim(id: string, token: string, now: string, until: string): Promise<boolean> {
    const res = await this.db
      .updateTable('notification_outbox')
      .set({ claim_token: token, claimed_until: until })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async get(id: string) {
    return this.db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Writes a claimed row's outcome; only the claim holder may. */
  async settle(
    id: string,
    token: string,
    patch: {
      status: OutboxStatus;
      attempts: number;
      last_error: string | null;
      next_attempt_at: string | null;
      sent_at?: string | null;
      updated_at: string;
    },
  ): Promise<void> {
    await this.db
      .updateTable('notification_outbox')
      .set({ ...patch, claim_token: null, claimed_until: null })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .execute();
  }
}
