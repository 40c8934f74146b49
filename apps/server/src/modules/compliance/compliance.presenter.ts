// Rows → contract views: only the fields the API promises leave the server.
import type {
  AppliedControlCategory,
  AppliedControlStatus,
  AppliedControlView,
  ControlEffectiveness,
  EvidenceKind,
  EvidenceView,
} from '@vigil/contracts';
import type { AppliedControlRow, EvidenceRow } from '@vigil/db';
import type { UserRefRow } from '../users/users.repository.js';
import { refOf } from './compliance.shared.js';
import { evidenceStatusOf } from './compliance-rules.js';
import type { ControlLinks } from './controls.repository.js';

export function presentControl(
  r: AppliedControlRow,
  links: ControlLinks,
  users: Map<string, UserRefRow>,
  today: string,
): AppliedControlView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    owner: refOf(users, r.owner_id),
    status: r.status as AppliedControlStatus,
    category: r.category as AppliedControlCategory,
    requirements: links.requirements.get(r.id) ?? [],
    assets: links.assets.get(r.id) ?? [],
    risks: links.risks.get(r.id) ?? [],
    evidence: (links.evidence.get(r.id) ?? []).map((e) => ({
      id: e.id,
      title: e.title,
      status: evidenceStatusOf(e.validUntil, today),
    })),
    reviewMonths: r.review_months,
    nextReviewOn: r.next_review_on,
    reviewDue: r.status !== 'retired' && !!r.next_review_on && r.next_review_on <= today,
    effectiveness: r.effectiveness as ControlEffectiveness,
    effectivenessRatedAt: r.effectiveness_rated_at,
    effectivenessRatedBy: refOf(users, r.effectiveness_rated_by),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentEvidence(r: EvidenceRow, users: Map<string, UserRefRow>, today: string): EvidenceView {
  return {
    id: r.id,
    kind: r.kind as EvidenceKind,
    title: r.title,
    description: r.description,
    fileName: r.file_name,
    size: r.size === null ? null : Number(r.size),
    contentType: r.content_type,
    sha256: r.sha256,
    url: r.url,
    recordType: r.record_type,
    recordId: r.record_id,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: evidenceStatusOf(r.valid_until, today),
    owner: refOf(users, r.owner_id),
    createdBy: refOf(users, r.created_by),
    createdAt: r.created_at,
  };
}
