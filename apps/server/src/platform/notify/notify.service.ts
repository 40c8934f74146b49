import { randomUUID } from 'node:crypto';
import type { DB, NotificationOutboxTable } from '@vigil/db';
import type { Insertable, Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { SecretStore } from '../crypto/secret.store.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './backoff.js';
import { describeMailError, Mailer } from './mailer.js';
import { OutboxRepository } from './outbox.repository.js';
import { absoluteLink, recipientLocale, renderNotice } from './render.js';
import { readSmtpSettings, type StoredSmtpSettings } from './smtp-settings.repository.js';

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

export interface NotifyDeps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: SecretStore;
  jobs: JobScheduler;
  /** The configured public URL, used when the mail settings leave theirs empty. */
  defaultPublicUrl?: string | null;
  /** Delay of the delivery nudge after a queue call (the caller's transaction commits meanwhile). */
  nudgeMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

export const DELIVERY_JOB = 'notifications.deliver';
const BATCH = 100;
const CLAIM_MS = 5 * 60_000;

const RELAY_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS']);
function isRelayFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RELAY_FAILURES.has(code);
}

/** Why a row was not sent at all. */
export type SkipReason = 'no_address' | 'mail_disabled' | 'user_disabled';

/**
 * Outgoing notifications (e-mail over SMTP). `queue` is called inside the transaction of the change, so a
 * notice exists exactly when the change committed; the delivery job (every minute, plus a nudge shortly
 * after queueing while the scheduler runs) sends it afterwards, with retries and backoff.
 */
export class NotificationService {
  private readonly repo: OutboxRepository;
  private delivering: Promise<DeliveryReport> | null = null;
  private nudgeTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: NotifyDeps) {
    this.repo = new OutboxRepository(deps.db);
    deps.jobs.register({
      name: DELIVERY_JOB,
      pattern: '* * * * *',
      run: async () => {
        await this.deliverDue();
      },
    });
  }

  async queue(trx: Kysely<DB>, notice: Notice): Promise<void> {
    const ids = [...new Set(notice.to)];
    if (ids.length === 0) return;
    const settings = await readSmtpSettings(trx);
    const mailOn = settings.enabled && !!settings.host && !!settings.fromAddress;
    const link = absoluteLink(this.publicUrl(settings), notice.link);
    const now = this.deps.clock.now().toISOString();
    const rows: Insertable<NotificationOutboxTable>[] = [];
    for (const user of await this.repo.recipients(trx, ids)) {
      const locale = recipientLocale(user.locale);
      const { subject, body } = renderNotice(notice, locale, link);
      const email = user.email?.trim() || null;
      const skip: SkipReason | null = user.disabled_at
        ? 'user_disabled'
        : !email
          ? 'no_address'
          : !mailOn
            ? 'mail_disabled'
            : null;
      rows.push({
        id: randomUUID(),
        kind: notice.kind,
        user_id: user.id,
        email,
        locale,
        subject,
        body,
        link,
        dedupe_key: notice.dedupeKey ?? null,
        status: skip ? 'skipped' : 'queued',
        attempts: 0,
        last_error: skip,
        next_attempt_at: skip ? null : now,
        claim_token: null,
        claimed_until: null,
        created_at: now,
        updated_at: now,
        sent_at: null,
      });
    }
    const inserted = await this.repo.insert(trx, rows);
    if (inserted > 0 && rows.some((r) => r.status === 'queued')) this.nudge();
  }

  /** Sends every queued message that is due; safe to run in several processes at once. */
  deliverDue(): Promise<DeliveryReport> {
    if (!this.delivering) {
      this.delivering = this.deliverBatch().finally(() => {
        this.delivering = null;
      });
    }
    return this.delivering;
  }

  /** Sends one message straight away, outside the outbox (test mail); throws the SMTP failure. */
  async sendDirect(mail: { to: string; locale: string; subject: string; body: string }): Promise<void> {
    const settings = await readSmtpSettings(this.deps.db);
    const mailer = new Mailer(settings, await this.password(settings));
    try {
      await mailer.send({ to: mail.to, locale: mail.locale, subject: mail.subject, text: mail.body });
    } finally {
      mailer.close();
    }
  }

  /** Where links in e-mail point: the mail settings' public URL, else the server's configured one. */
  publicUrl(settings: { publicUrl: string }): string {
    return settings.publicUrl || (this.deps.defaultPublicUrl ?? '').replace(/\/+$/, '');
  }

  private async password(settings: StoredSmtpSettings): Promise<string | null> {
    return settings.passwordSecretId ? this.deps.secrets.get(settings.passwordSecretId) : null;
  }

  /** Shortly after a queue call, outside the caller's transaction; only while the scheduler runs. */
  private nudge(): void {
    if (!this.deps.jobs.running || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = null;
      void this.deliverDue().catch(() => {}); // failures stay in the outbox rows
    }, this.deps.nudgeMs ?? 2000);
    this.nudgeTimer.unref();
  }

  private async deliverBatch(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
    const { clock } = this.deps;
    const start = clock.now();
    const token = randomUUID();
    const claimed: string[] = [];
    for (const id of await this.repo.dueIds(start.toISOString(), BATCH)) {
      const until = new Date(start.getTime() + CLAIM_MS).toISOString();
      if (await this.repo.claim(id, token, start.toISOString(), until)) claimed.push(id);
    }
    if (claimed.length === 0) return report;
    const settings = await readSmtpSettings(this.deps.db);
    const mailOn = settings.enabled && !!settings.host && !!settings.fromAddress;
    const mailer = mailOn ? new Mailer(settings, await this.password(settings)) : null;
    // When the relay cannot be reached at all, the rest of the batch fails the same way without waiting
    // for one connection timeout per message.
    let relayDown: unknown = null;
    try {
      for (const id of claimed) {
        const row = await this.repo.get(id);
        if (!row) continue;
        const at = clock.now();
        const now = at.toISOString();
        if (!mailer || !row.email) {
          await this.repo.settle(id, token, {
            status: 'skipped',
            attempts: row.attempts,
            last_error: mailer ? 'no_address' : 'mail_disabled',
            next_attempt_at: null,
            updated_at: now,
          });
          report.skipped++;
          continue;
        }
        const attempts = row.attempts + 1;
        try {
          if (relayDown) throw relayDown;
          await mailer.send({ to: row.email, subject: row.subject, text: row.body, locale: row.locale });
          await this.repo.settle(id, token, {
            status: 'sent',
            attempts,
            last_error: null,
            next_attempt_at: null,
            sent_at: now,
            updated_at: now,
          });
          report.sent++;
        } catch (err) {
          if (isRelayFailure(err)) relayDown = err;
          const next = attempts >= MAX_ATTEMPTS ? null : nextAttemptAt(attempts, at);
          await this.repo.settle(id, token, {
            status: next ? 'queued' : 'failed',
            attempts,
            last_error: describeMailError(err),
            next_attempt_at: next?.toISOString() ?? null,
            updated_at: now,
          });
          if (next) report.retrying++;
          else report.failed++;
        }
      }
    } finally {
      mailer?.close();
    }
    return report;
  }
}
