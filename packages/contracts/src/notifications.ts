import { z } from 'zod';
import { isoTimestamp } from './common.js';

// Outgoing e-mail (SMTP settings, test mail, the outbox) and the job scheduler's admin view.
//
// Routes (all under /api; access in brackets):
//   GET  /notifications/settings                [notifications.manage] → notificationSettingsResponse
//   PUT  /notifications/settings                [notifications.manage] updateNotificationSettingsRequest → notificationSettingsResponse
//   POST /notifications/test                    [notifications.manage] sendTestMailRequest → sendTestMailResponse
//   GET  /notifications/outbox                  [notifications.manage] outboxQuery → outboxList (latest 200)
//   POST /notifications/outbox/:id/retry        [notifications.manage] → outboxItem (failed/skipped → queued)
//   GET  /jobs                                  [settings.read, settings.manage] → jobList
//   GET  /jobs/:name/runs                       [settings.read, settings.manage] → jobRunList (latest 50)
//   POST /jobs/:name/run                        [settings.manage] → jobRunView (runs it now, waits for the end)

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;

export const smtpSecurity = z.enum(['none', 'starttls', 'tls']);
export type SmtpSecurity = z.infer<typeof smtpSecurity>;

const optionalHost = z
  .string()
  .trim()
  .max(253)
  .refine((v) => v === '' || HOST.test(v), 'not a host name or IP address');
const optionalEmail = z.union([z.literal(''), z.email().max(254)]);
/** Where people open Vigil, e.g. https://vigil.example.gov.tw; links in e-mail start with it. */
const optionalPublicUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash && !u.username;
    } catch {
      return false;
    }
  }, 'an http(s) address without query, fragment or credentials')
  .transform((v) => v.replace(/\/+$/, ''));

/** SMTP settings as stored (the password lives encrypted in the secret store). */
export const smtpSettings = z.object({
  enabled: z.boolean(),
  host: optionalHost,
  port: z.number().int().min(1).max(65535),
  security: smtpSecurity,
  /** Empty: the relay needs no authentication. */
  username: z.string().trim().max(256),
  /** Refuse certificates that do not verify (turn off only for an internal relay with its own CA). */
  verifyCertificate: z.boolean(),
  fromAddress: optionalEmail,
  fromName: z.string().trim().max(100),
  publicUrl: optionalPublicUrl,
});
export type SmtpSettings = z.infer<typeof smtpSettings>;

export const DEFAULT_SMTP_SETTINGS: SmtpSettings = {
  enabled: false,
  host: '',
  port: 587,
  security: 'starttls',
  username: '',
  verifyCertificate: true,
  fromAddress: '',
  fromName: 'Vigil',
  publicUrl: '',
};

export const notificationSettingsResponse = smtpSettings.extend({
  passwordSet: z.boolean(),
  /** The server's configured public URL (VIGIL_PUBLIC_URL), used when `publicUrl` is empty. */
  defaultPublicUrl: z.string().nullable(),
});
export type NotificationSettingsView = z.infer<typeof notificationSettingsResponse>;

/** The whole form. `password`: a new one; null removes it; absent keeps the stored one. */
export const updateNotificationSettingsRequest = z.strictObject({
  ...smtpSettings.shape,
  password: z.string().min(1).max(500).nullable().optional(),
});
export type UpdateNotificationSettingsRequest = z.infer<typeof updateNotificationSettingsRequest>;

/** No address: to the signed-in administrator. */
export const sendTestMailRequest = z.strictObject({ to: z.email().max(254).optional() });
export const sendTestMailResponse = z.object({ ok: z.literal(true), to: z.string() });

export const outboxStatus = z.enum(['queued', 'sent', 'failed', 'skipped']);
export type OutboxStatus = z.infer<typeof outboxStatus>;

export const outboxQuery = z.strictObject({
  status: outboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(200),
});

export const outboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  email: z.string().nullable(),
  locale: z.string(),
  subject: z.string(),
  link: z.string().nullable(),
  status: outboxStatus,
  attempts: z.number().int(),
  /** Why it failed or was skipped: an SMTP error, or `no_address`, `mail_disabled`, `user_disabled`. */
  lastError: z.string().nullable(),
  nextAttemptAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  sentAt: isoTimestamp.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;
export const outboxList = z.object({ items: z.array(outboxItem) });

export const jobNameParams = z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,79}$/) });

export const jobOutcome = z.enum(['running', 'succeeded', 'failed']);
export const jobRunView = z.object({
  id: z.string(),
  name: z.string(),
  dueAt: isoTimestamp,
  startedAt: isoTimestamp,
  finishedAt: isoTimestamp.nullable(),
  outcome: jobOutcome,
  error: z.string().nullable(),
});
export type JobRunView = z.infer<typeof jobRunView>;
export const jobRunList = z.object({ items: z.array(jobRunView) });

export const jobView = z.object({
  name: z.string(),
  pattern: z.string(),
  /** Next due time in the organisation's time zone, null when the pattern never fires again. */
  nextRunAt: isoTimestamp.nullable(),
  lastRun: jobRunView.nullable(),
});
export type JobView = z.infer<typeof jobView>;
export const jobList = z.object({
  timeZone: z.string(),
  /** Whether this server process runs the schedule (false in the CLI and tests). */
  schedulerRunning: z.boolean(),
  items: z.array(jobView),
});
