/** Error codes of the notifications module and the i18n keys (in features/notifications/locales) that word them. */
export const NOTIFICATIONS_ERROR_KEYS = {} as const;
