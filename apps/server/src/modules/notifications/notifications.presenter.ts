import type { JobRunView, NotificationSettingsView, OutboxItem, OutboxStatus } from '@vigil/contracts';
import type { JobRunRow } from '@vigil/db';
import type { StoredSmtpSettings } from '../../platform/notify/smtp-settings.repository.js';
import type { OutboxAdminRow } from './notifications.repository.js';

/** The settings as the API shows them: the password only as "set" or "not set". */
export function presentSettings(
  s: StoredSmtpSettings,
  defaultPublicUrl: string | null,
): NotificationSettingsView {
  return {
    enabled: s.enabled,
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username,
    verifyCertificate: s.verifyCertificate,
    fromAddress: s.fromAddress,
    fromName: s.fromName,
    publicUrl: s.publicUrl,
    passwordSet: s.passwordSecretId !== null,
    defaultPublicUrl,
  };
}

export function presentOutbox(r: OutboxAdminRow): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    userId: r.user_id,
    userName: r.user_name ?? null,
    email: r.email,
    locale: r.locale,
    subject: r.subject,
    link: r.link,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

export function presentRun(r: JobRunRow): JobRunView {
  return {
    id: r.id,
    name: r.name,
    dueAt: r.due_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome as JobRunView['outcome'],
    error: r.error,
  };
}
