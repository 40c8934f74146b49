/** Error codes of the obligations module and the i18n keys (in features/obligations/locales) that word them. */
export const OBLIGATIONS_ERROR_KEYS = {} as const;
