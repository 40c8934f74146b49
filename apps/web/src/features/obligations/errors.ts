/** Error codes of the obligations module and the i18n keys (in features/obligations/locales) that word them. */
export const OBLIGATIONS_ERROR_KEYS = {
  'obligation.level_not_set': 'obligations.errors.level_not_set',
  'obligation.anchor_not_set': 'obligations.errors.anchor_not_set',
  'obligation.anchor_in_future': 'obligations.errors.anchor_in_future',
  'obligation.unknown_user': 'obligations.errors.unknown_user',
  'obligation.unknown_framework': 'obligations.errors.unknown_framework',
  'obligation.refresh_in_progress': 'obligations.errors.refresh_in_progress',
  'obligation.not_owner': 'obligations.errors.not_owner',
  'obligation.not_open': 'obligations.errors.not_open',
  'obligation.bad_date': 'obligations.errors.bad_date',
  'obligation.evidence_unknown': 'obligations.errors.evidence_unknown',
  'obligation.evidence_required': 'obligations.errors.evidence_required',
} as const;
