import type { OutboxStatus } from '@vigil/contracts';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';

const OUTBOX_COLUMNS = [
  'o.id',
  'o.kind',
  'o.user_id',
  'o.email',
  'o.locale',
  'o.subject',
  'o.link',
  'o.status',
  'o.attempts',
  'o.last_error',
  'o.next_attempt_at',
  'o.created_at',
  'o.updated_at',
  'o.sent_at',
  'u.display_name as user_name',
] as const;

/** SQL of the outbox admin view; the platform's own delivery queries live in platform/notify. */
export class NotificationAdminRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private outbox() {
    return this.db
      .selectFrom('notification_outbox as o')
      .leftJoin('users as u', 'u.id', 'o.user_id')
      .select(OUTBOX_COLUMNS);
  }

  async latest(status: OutboxStatus | undefined, limit: number) {
    let q = this.outbox();
    if (status) q = q.where('o.status', '=', status);
    return q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(limit).execute();
  }

  async one(id: string) {
    return this.outbox().where('o.id', '=', id).executeTakeFirst();
  }

  async user(trx: Kysely<DB>, id: string) {
    return trx
      .selectFrom('users')
      .select(['id', 'email', 'locale', 'disabled_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Puts a failed or skipped row back in the queue; false when its status changed meanwhile. */
  async requeue(trx: Kysely<DB>, id: string, email: string, now: string, from: string): Promise<boolean> {
    const res = await trx
      .updateTable('notification_outbox')
      .set({
        status: 'queued',
        email,
        attempts: 0,
        last_error: null,
        next_attempt_at: now,
        claim_token: null,
        claimed_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}

export type OutboxAdminRow = NonNullable<Awaited<ReturnType<NotificationAdminRepository['one']>>>;
