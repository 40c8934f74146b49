/** Error codes of the assets module and the i18n keys (in features/assets/locales) that word them. */
export const ASSETS_ERROR_KEYS = {} as const;
