/** Error codes of the frameworks module and the i18n keys (in features/frameworks/locales) that word them. */
export const FRAMEWORKS_ERROR_KEYS = {
  'framework.invalid': 'frameworks.errors.invalid',
  'framework.version_exists': 'frameworks.errors.version_exists',
  'framework.unsupported_type': 'frameworks.errors.unsupported_type',
} as const;
