import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';

/** A message to people, in both languages; each recipient gets it in their own language. */
export interface Notice {
  /** Stable kind, e.g. `obligation.overdue`, `document.review_due`. */
  kind: string;
  /** User ids. */
  to: readonly string[];
  subject: { en: string; 'zh-TW': string };
  body: { en: string; 'zh-TW': string };
  /** Path inside Vigil the message links to, e.g. `/obligations/tasks/…`. */
  link?: string;
  /** The same key is never sent twice to the same user (a reminder per task per day, say). */
  dedupeKey?: string;
}

/**
 * Outgoing notifications (e-mail over SMTP). `queue` is called inside the transaction of the change, so a
 * notice exists exactly when the change committed; a worker delivers it afterwards.
 * Placeholder interface until the platform slice lands.
 */
export class NotificationService {
  async queue(_trx: Kysely<DB>, _notice: Notice): Promise<void> {}
}
