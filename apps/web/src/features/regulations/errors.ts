/** Error codes of the regulations module and the i18n keys (in features/regulations/locales) that word them. */
export const REGULATIONS_ERROR_KEYS = {} as const;
