import type {
  NotificationSettingsView,
  OutboxItem,
  OutboxStatus,
  SmtpSettings,
  UpdateNotificationSettingsRequest,
} from '@vigil/contracts';
import { AppError, badRequest, conflict } from '../../http/errors.js';
import type { RequestContext, UserActor } from '../../platform/context.js';
import { describeMailError } from '../../platform/notify/mailer.js';
import { recipientLocale } from '../../platform/notify/render.js';
import {
  readSmtpSettings,
  SMTP_PASSWORD_PURPOSE,
  SMTP_SETTINGS_KEY,
  type StoredSmtpSettings,
  writeSmtpSettings,
} from '../../platform/notify/smtp-settings.repository.js';
import type { Services } from '../../services.js';
import { JobAdminService } from './jobs-admin.service.js';
import { presentOutbox, presentSettings } from './notifications.presenter.js';
import { NotificationAdminRepository } from './notifications.repository.js';
import { testMail } from './test-mail.js';

const FIELDS: (keyof SmtpSettings)[] = [
  'enabled',
  'host',
  'port',
  'security',
  'username',
  'verifyCertificate',
  'fromAddress',
  'fromName',
  'publicUrl',
];

/** Where the stored password is sent: changing any of these needs the password again (or its removal). */
const PASSWORD_DESTINATION: (keyof SmtpSettings)[] = [
  'host',
  'port',
  'security',
  'username',
  'verifyCertificate',
];

const outboxNotFound = () => new AppError(404, 'notifications.not_found', 'no such message in the outbox');

/** Outgoing e-mail administration: SMTP settings, test mail, the outbox; and the job scheduler's view. */
export class NotificationSettingsService {
  readonly jobs: JobAdminService;
  private readonly repo: NotificationAdminRepository;

  constructor(protected readonly s: Services) {
    this.jobs = new JobAdminService(s);
    this.repo = new NotificationAdminRepository(s.db);
  }

  /** Start-up work; the settings row is created on first save, so nothing to seed. */
  async bootstrap(): Promise<void> {}

  private present(stored: StoredSmtpSettings): NotificationSettingsView {
    return presentSettings(stored, this.s.notify.publicUrl({ publicUrl: '' }) || null);
  }

  async settings(): Promise<NotificationSettingsView> {
    return this.present(await readSmtpSettings(this.s.db));
  }

  async updateSettings(
    ctx: RequestContext,
    req: UpdateNotificationSettingsRequest,
  ): Promise<NotificationSettingsView> {
    const { password, ...next } = req;
    if (next.enabled) {
      const linksNowhere = next.publicUrl === '' && this.s.notify.publicUrl(next) === '';
      const missing = (['host', 'fromAddress', 'publicUrl'] as const).filter((k) =>
        k === 'publicUrl' ? linksNowhere : next[k] === '',
      );
      if (missing.length > 0)
        throw badRequest('notifications.incomplete', `to turn e-mail on, set: ${missing.join(', ')}`, {
          fields: missing,
        });
    }
    const before = await readSmtpSettings(this.s.db);
    // Otherwise whoever may edit the settings could point the kept password at a server of their own (or
    // at plain text) and read it off the AUTH command of a test mail.
    const moved = PASSWORD_DESTINATION.filter((k) => before[k] !== next[k]);
    if (before.passwordSecretId && password === undefined && moved.length > 0)
      throw badRequest(
        'notifications.password_required',
        `the relay's ${moved.join(', ')} changed: enter its password again, or remove the password`,
        { fields: moved },
      );
    const changed = Object.fromEntries(
      FIELDS.filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }]),
    );
    const passwordChange =
      password === undefined
        ? null
        : password === null
          ? before.passwordSecretId
            ? 'removed'
            : null
          : 'set';
    if (Object.keys(changed).length === 0 && passwordChange === null) return this.present(before);
    const now = this.s.clock.now().toISOString();
    const by = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
    const after = await this.s.db.transaction().execute(async (trx) => {
      let secretId = before.passwordSecretId;
      if (passwordChange !== null && secretId) {
        await this.s.secrets.remove(trx, secretId);
        secretId = null;
      }
      if (typeof password === 'string')
        secretId = await this.s.secrets.put(trx, SMTP_PASSWORD_PURPOSE, password);
      const stored: StoredSmtpSettings = { ...next, passwordSecretId: secretId };
      await writeSmtpSettings(trx, stored, now, by);
      // The password itself never enters the trail; only that it was set or removed.
      await this.s.audit.record(trx, ctx, {
        action: 'notifications.settings_updated',
        objectType: 'settings',
        objectId: SMTP_SETTINGS_KEY,
        details: { changed, ...(passwordChange ? { password: passwordChange } : {}) },
      });
      return stored;
    });
    return this.present(after);
  }

  /** Sends a test message now, to an address or to the signed-in administrator, and says how it went. */
  async sendTest(
    ctx: RequestContext & { actor: UserActor },
    to: string | undefined,
  ): Promise<{ to: string }> {
    const settings = await readSmtpSettings(this.s.db);
    if (!settings.host || !settings.fromAddress)
      throw badRequest('notifications.not_configured', 'save the SMTP host and the sender address first');
    const me = await this.repo.user(this.s.db, ctx.actor.userId);
    const address = to ?? me?.email?.trim();
    if (!address)
      throw badRequest('notifications.no_address', 'your account has no e-mail address; give one to send to');
    const locale = recipientLocale(me?.locale ?? null);
    let error: string | null = null;
    try {
      await this.s.notify.sendDirect({
        to: address,
        locale,
        ...testMail(locale, this.s.notify.publicUrl(settings)),
      });
    } catch (err) {
      error = describeMailError(err);
    }
    await this.s.db.transaction().execute(async (trx) => {
      await this.s.audit.record(trx, ctx, {
        action: 'notifications.test_sent',
        objectType: 'settings',
        objectId: SMTP_SETTINGS_KEY,
        outcome: error ? 'failure' : 'success',
        details: { to: address, ...(error ? { error } : {}) },
      });
    });
    if (error)
      throw new AppError(502, 'notifications.smtp_failed', `the mail server refused: ${error}`, { error });
    return { to: address };
  }

  async outbox(status: OutboxStatus | undefined, limit: number): Promise<OutboxItem[]> {
    return (await this.repo.latest(status, limit)).map(presentOutbox);
  }

  /** Queues a failed or skipped message again, to the recipient's current address. */
  async retry(ctx: RequestContext, id: string): Promise<OutboxItem> {
    const row = await this.repo.one(id);
    if (!row) throw outboxNotFound();
    if (row.status !== 'failed' && row.status !== 'skipped')
      throw conflict('notifications.not_retryable', `a ${row.status} message cannot be retried`);
    const settings = await readSmtpSettings(this.s.db);
    if (!settings.enabled) throw conflict('notifications.mail_disabled', 'turn e-mail on before retrying');
    await this.s.db.transaction().execute(async (trx) => {
      const user = row.user_id ? await this.repo.user(trx, row.user_id) : null;
      if (user?.disabled_at)
        throw conflict('notifications.user_disabled', 'the recipient account is disabled');
      const email = (row.user_id ? user?.email?.trim() : row.email) || null;
      if (!email) throw badRequest('notifications.no_address', 'the recipient has no e-mail address');
      const now = this.s.clock.now().toISOString();
      if (!(await this.repo.requeue(trx, id, email, now, row.status)))
        throw conflict('notifications.not_retryable', 'the message changed meanwhile');
      await this.s.audit.record(trx, ctx, {
        action: 'notification.retried',
        objectType: 'notification',
        objectId: id,
        details: { kind: row.kind, from: row.status, to: email },
      });
    });
    const updated = await this.repo.one(id);
    if (!updated) throw outboxNotFound();
    return presentOutbox(updated);
  }
}
