// Whitelists the fields of a register entry that leave the API.
import type { RegulationKind, RegulationStatus, RegulationView } from '@vigil/contracts';
import type { RegulationRow } from '@vigil/db';

export type UserRefs = Map<string, { id: string; displayName: string }>;

/** A review is due when the entry was never reviewed or its next review date has come. */
export const reviewDue = (row: Pick<RegulationRow, 'next_review_on'>, today: string) =>
  row.next_review_on === null || row.next_review_on <= today;

export function presentRegulation(row: RegulationRow, users: UserRefs, today: string): RegulationView {
  return {
    id: row.id,
    builtin: row.seed_key !== null,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    kind: row.kind as RegulationKind,
    authority: row.authority,
    reference: row.reference,
    url: row.url,
    applicable: row.applicable === 1,
    applicabilityNote: row.applicability_note,
    owner: row.owner_id ? (users.get(row.owner_id) ?? null) : null,
    obligations: JSON.parse(row.obligations) as RegulationView['obligations'],
    keyDates: JSON.parse(row.key_dates) as RegulationView['keyDates'],
    lastReviewedOn: row.last_reviewed_on,
    reviewMonths: row.review_months,
    nextReviewOn: row.next_review_on,
    reviewDue: reviewDue(row, today),
    status: row.status as RegulationStatus,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
