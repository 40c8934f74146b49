import type { Selectable } from 'kysely';

type Timestamp = string;

/** One e-mail to one recipient, rendered in the recipient's language when it was queued. */
export interface NotificationOutboxTable {
  id: string;
  kind: string;
  user_id: string | null;
  /** The address at queue time; null when the user had none. */
  email: string | null;
  /** 'zh-TW' | 'en' */
  locale: string;
  subject: string;
  body: string;
  /** Absolute link (public URL + path), or the bare path when no public URL is set. */
  link: string | null;
  dedupe_key: string | null;
  /** 'queued' | 'sent' | 'failed' | 'skipped' */
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  /** A delivery worker's claim on a queued row; expired claims may be taken over. */
  claim_token: string | null;
  claimed_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface JobRunTable {
  id: string;
  name: string;
  due_at: Timestamp;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  /** 'running' | 'succeeded' | 'failed' */
  outcome: string;
  error: string | null;
  holder: string;
}

/** At most one process holds a job's lease; `last_due_at` keeps a due time from running twice. */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  expires_at: Timestamp;
  last_due_at: Timestamp | null;
}

export interface NotificationsTables {
  notification_outbox: NotificationOutboxTable;
  job_runs: JobRunTable;
  job_leases: JobLeaseTable;
}

export type NotificationOutboxRow = Selectable<NotificationOutboxTable>;
export type JobRunRow = Selectable<JobRunTable>;
