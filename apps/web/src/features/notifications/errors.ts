/** Error codes of the notifications module and the i18n keys (in features/notifications/locales) that word them. */
export const NOTIFICATIONS_ERROR_KEYS = {
  'notifications.incomplete': 'notifications.errors.incomplete',
  'notifications.not_configured': 'notifications.errors.not_configured',
  'notifications.no_address': 'notifications.errors.no_address',
  'notifications.smtp_failed': 'notifications.errors.smtp_failed',
  'notifications.not_found': 'notifications.errors.not_found',
  'notifications.not_retryable': 'notifications.errors.not_retryable',
  'notifications.mail_disabled': 'notifications.errors.mail_disabled',
  'notifications.user_disabled': 'notifications.errors.user_disabled',
  'notifications.password_required': 'notifications.errors.password_required',
  'job.not_found': 'notifications.errors.job_not_found',
  'job.already_running': 'notifications.errors.job_already_running',
} as const;
