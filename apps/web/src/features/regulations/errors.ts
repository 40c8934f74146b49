/** Error codes of the regulations module and the i18n keys (in features/regulations/locales) that word them. */
export const REGULATIONS_ERROR_KEYS = {
  'regulation.unknown_user': 'regulations.errors.unknown_user',
  'regulation.review_in_future': 'regulations.errors.review_in_future',
} as const;
