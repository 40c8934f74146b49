/** Error codes of the documents module and the i18n keys (in features/documents/locales) that word them. */
export const DOCUMENTS_ERROR_KEYS = {} as const;
