/** Error codes of the frameworks module and the i18n keys (in features/frameworks/locales) that word them. */
export const FRAMEWORKS_ERROR_KEYS = {} as const;
