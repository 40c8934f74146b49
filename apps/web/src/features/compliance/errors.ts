/** Error codes of the compliance module and the i18n keys (in features/compliance/locales) that word them. */
export const COMPLIANCE_ERROR_KEYS = {} as const;
