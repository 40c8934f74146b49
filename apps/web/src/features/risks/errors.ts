/** Error codes of the risks module and the i18n keys (in features/risks/locales) that word them. */
export const RISKS_ERROR_KEYS = {} as const;
